package io.ferry.common.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void connectionFailuresAreRecognizedThroughCauses() {
        assertThat(RetryPolicy.isConnectionFailure(new SQLNonTransientConnectionException("gone"))).isTrue();
        assertThat(RetryPolicy.isConnectionFailure(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(RetryPolicy.isConnectionFailure(new SQLException("Deadlock found", "40001", 1213))).isFalse();
    }

    @Test
    void eachKindOfFailureHasItsOwnWindowAndSuccessResetsIt() {
        RetryPolicy policy = new RetryPolicy(10_000, 1_000);
        SQLException deadlock = new SQLException("Deadlock found", "40001", 1213);
        assertThat(policy.onFailure(deadlock, 0)).isPositive();
        assertThat(policy.onFailure(deadlock, 999)).isPositive();
        assertThat(policy.onFailure(deadlock, 1_000)).isEqualTo(-1);
        policy.onSuccess();
        SQLNonTransientConnectionException lost = new SQLNonTransientConnectionException("gone");
        assertThat(policy.onFailure(lost, 5_000)).isPositive();
        assertThat(policy.onFailure(lost, 14_999)).isPositive().isLessThanOrEqualTo(30_000);
        assertThat(policy.onFailure(lost, 15_000)).isEqualTo(-1);
    }
}
