package io.ferry.testkit.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExternalServerTest {

    @Test
    void environmentPrefixFollowsTheRole() {
        assertThat(ExternalServer.envPrefix("source")).isEqualTo("FERRY_TEST_SOURCE_");
        assertThat(ExternalServer.envPrefix("bench-destination")).isEqualTo("FERRY_TEST_BENCH_DESTINATION_");
    }
}
