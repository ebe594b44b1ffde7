package io.newsflow.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfidenceTableTest {

    @Test
    void mentionsAreCountedInTheBandOfTheirConfidence() {
        ConfidenceTable table = new ConfidenceTable();
        table.add(0.0, false);
        table.add(0.19, true);
        table.add(0.2, true);
        table.add(0.95, true);
        table.add(1.0, false);

        assertThat(table.bands()).isEqualTo(5);
        assertThat(table.mentions(0)).isEqualTo(2);
        assertThat(table.precision(0)).isEqualTo(0.5);
        assertThat(table.mentions(1)).isEqualTo(1);
        assertThat(table.precision(2)).isNaN();
        assertThat(table.mentions(4)).as("1.0 is in the last band").isEqualTo(2);
        assertThat(table.precision(4)).isEqualTo(0.5);
        assertThat(table.from(3)).isEqualTo(0.6);
    }
}
