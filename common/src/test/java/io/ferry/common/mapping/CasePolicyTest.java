package io.ferry.common.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CasePolicyTest {

    @Test
    void parsesTheConfigValuesCaseInsensitively() {
        assertThat(CasePolicy.parse("as-source")).isEqualTo(CasePolicy.AS_SOURCE);
        assertThat(CasePolicy.parse(" LOWER ")).isEqualTo(CasePolicy.LOWER);
        assertThat(CasePolicy.parse("Upper")).isEqualTo(CasePolicy.UPPER);
        assertThat(CasePolicy.LOWER.toString()).isEqualTo("lower");
    }

    @Test
    void rejectsOtherValuesNamingTheAllowedOnes() {
        assertThatThrownBy(() -> CasePolicy.parse("as_source"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'as_source' is not a case policy; allowed values: as-source, lower, upper");
        assertThatThrownBy(() -> CasePolicy.parse(null)).hasMessageContaining("allowed values");
    }

    @Test
    void appliesTheCase() {
        assertThat(CasePolicy.AS_SOURCE.apply("MixedCase")).isEqualTo("MixedCase");
        assertThat(CasePolicy.LOWER.apply("MixedCase")).isEqualTo("mixedcase");
        assertThat(CasePolicy.UPPER.apply("MixedCase")).isEqualTo("MIXEDCASE");
    }
}
