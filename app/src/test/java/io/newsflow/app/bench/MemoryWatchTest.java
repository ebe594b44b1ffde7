package io.newsflow.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryWatchTest {

    private static final int MB = 1 << 20;

    @Test
    void liveHeapCountsWhatIsReachableAndNotGarbage() {
        byte[][] held = new byte[64][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[MB];
        }
        long withBlock = MemoryWatch.liveHeapNow();
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[MB];
            garbage[0] = (byte) i;
        }
        long withGarbage = MemoryWatch.liveHeapNow();
        held = null;
        long without = MemoryWatch.liveHeapNow();

        assertThat(withBlock).isGreaterThanOrEqualTo(64L * MB);
        assertThat(withGarbage).as("200 MB of garbage is not live").isLessThan(withBlock + 16L * MB);
        assertThat(withBlock - without).as("the 64 MB let go").isGreaterThan(48L * MB);
    }
}
