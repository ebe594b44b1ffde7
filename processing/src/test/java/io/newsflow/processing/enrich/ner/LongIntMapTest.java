package io.newsflow.processing.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LongIntMapTest {

    @Test
    void keepsEveryKeyThroughGrowthAndForgetsThemOnClear() {
        LongIntMap map = new LongIntMap(4);
        for (long key = -500; key < 500; key++) {
            map.put(key * 1_000_003L, (int) key + 500);
        }
        map.put(0, 7);
        assertThat(map.size()).isEqualTo(1000);
        for (long key = -500; key < 500; key++) {
            assertThat(map.get(key * 1_000_003L)).isEqualTo(key == 0 ? 7 : (int) key + 500);
        }
        assertThat(map.get(42)).isEqualTo(-1);

        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.get(0)).isEqualTo(-1);
        assertThat(map.get(1_000_003L)).isEqualTo(-1);
        map.put(1_000_003L, 3);
        assertThat(map.get(1_000_003L)).isEqualTo(3);
        assertThat(map.size()).isEqualTo(1);
    }
}
