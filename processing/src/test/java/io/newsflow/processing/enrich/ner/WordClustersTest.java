package io.newsflow.processing.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordClustersTest {

    @Test
    void similarWordsShareLongPathPrefixes() {
        WordClusters clusters = WordClusters.loadDefault();
        int monday = clusters.path(Hashing.lowerChars("Monday", 0, 6));
        int friday = clusters.path(Hashing.lowerChars("friday", 0, 6));
        int memphis = clusters.path(Hashing.lowerChars("memphis", 0, 7));

        assertThat(monday).isNotEqualTo(WordClusters.NONE);
        assertThat(WordClusters.prefix(monday, 8)).isEqualTo(WordClusters.prefix(friday, 8));
        assertThat(WordClusters.prefix(monday, 8)).isNotEqualTo(WordClusters.prefix(memphis, 8));
        assertThat(clusters.path(Hashing.lowerChars("qwzxv", 0, 5))).isEqualTo(WordClusters.NONE);
    }

    @Test
    void prefixKeepsTheLeadingOne() {
        assertThat(WordClusters.prefix(0b1_0110, 2)).isEqualTo(0b1_01);
        assertThat(WordClusters.prefix(0b1_01, 4)).isEqualTo(0b1_01);
        assertThat(WordClusters.prefix(WordClusters.NONE, 4)).isEqualTo(WordClusters.NONE);
    }
}
