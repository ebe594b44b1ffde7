package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StatusLineTest {

    private static StatusLine.Sample sample(double seconds, long read, long enriched, long dead, long duplicates,
                                            Map<Integer, Long> lag) {
        return new StatusLine.Sample((long) (seconds * 1e9), Map.of("recordsIn", read, "enriched", enriched,
                "deadLettered", dead, "duplicates", duplicates, "updates", 0L), lag);
    }

    @Test
    void showsTheRateOverTheLastIntervalTheTotalsAndTheLagOfEachPartition() {
        StatusLine.Sample before = sample(10, 100, 90, 4, 6, Map.of(0, 0L, 1, 0L));
        StatusLine.Sample now = sample(12, 125, 113, 5, 7, new TreeMap<>(Map.of(1, 8L, 0, 7L)));

        assertThat(StatusLine.format(before, now))
                .isEqualTo("12.5 articles/s | read 125, enriched 113, dead-lettered 5, duplicates 7 | lag 15 (p0 7, p1 8)");
    }

    @Test
    void saysWhatItDoesNotKnowYet() {
        StatusLine.Sample first = new StatusLine.Sample(5, Map.of(), null);

        assertThat(StatusLine.format(null, first))
                .isEqualTo("- articles/s | read 0, enriched 0, dead-lettered 0, duplicates 0 | lag ?");
    }

    @Test
    void aRestartedCounterIsNoNegativeRate() {
        StatusLine.Sample before = sample(1, 50, 50, 0, 0, Map.of(0, 0L));
        StatusLine.Sample after = sample(2, 3, 3, 0, 0, Map.of(0, 0L));

        assertThat(StatusLine.format(before, after)).startsWith("0.0 articles/s | read 3,");
    }

    @Test
    void onATerminalTheLineIsRewrittenInPlaceElseEachIsALine() {
        StringWriter terminal = new StringWriter();
        StatusLine inPlace = new StatusLine(new PrintWriter(terminal), true);
        inPlace.show(sample(1, 1000, 1000, 0, 0, Map.of(0, 1234L)));
        inPlace.show(sample(2, 1001, 1001, 0, 0, Map.of(0, 0L)));
        inPlace.close();

        StringWriter file = new StringWriter();
        StatusLine lines = new StatusLine(new PrintWriter(file), false);
        lines.show(sample(1, 1, 1, 0, 0, Map.of(0, 0L)));
        lines.show(sample(2, 2, 2, 0, 0, Map.of(0, 0L)));
        lines.close();

        String[] frames = terminal.toString().split("\r", -1);
        assertThat(frames).hasSize(3);
        assertThat(frames[1]).startsWith("- articles/s | read 1000,").endsWith("lag 1234 (p0 1234)");
        assertThat(frames[2]).startsWith("1.0 articles/s | read 1001,").contains("lag 0 (p0 0)  ")
                .as("padded over the longer line before it").hasSize(frames[1].length() + System.lineSeparator().length())
                .endsWith(System.lineSeparator());
        assertThat(file.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l).doesNotContain("\r"));
    }
}
