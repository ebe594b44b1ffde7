package io.newsflow.processing.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void tellsCommonLanguagesApart() {
        assertThat(detector.detect("The minister said that the plan was not ready and it has to wait.")).isEqualTo("en");
        assertThat(detector.detect("Der Minister sagte, dass der Plan nicht fertig ist und auch warten wird.")).isEqualTo("de");
        assertThat(detector.detect("Le ministre a dit que le plan est pas prêt et il doit attendre pour les élections.")).isEqualTo("fr");
        assertThat(detector.detect("El ministro dijo que el plan no está listo y que se debe esperar por las elecciones.")).isEqualTo("es");
    }

    @Test
    void tooLittleTextIsUndetermined() {
        assertThat(detector.detect("Grok-3 H100")).isEqualTo(LanguageDetector.UNDETERMINED);
        assertThat(detector.detect("")).isEqualTo(LanguageDetector.UNDETERMINED);
        assertThat(detector.detect("Prince Emanuel von und zu Liechtenstein got a permit to hunt a bear, but killed Arthur"))
                .as("a German name in an English sentence").isEqualTo(LanguageDetector.UNDETERMINED);
    }
}
