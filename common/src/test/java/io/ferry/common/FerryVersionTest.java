package io.ferry.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FerryVersionTest {

    @Test
    void versionComesFromTheBuild() {
        // The surefire JVM gets the POM's version as a system property, so this compares the filtered
        // resource with the build's own idea of the version.
        assertThat(FerryVersion.get()).isEqualTo(System.getProperty("ferry.expected.version"));
    }
}
