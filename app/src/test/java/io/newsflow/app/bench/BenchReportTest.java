package io.newsflow.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void overheadShowsTheNoOpPipelinesCpuWhereThatPartRan() {
        BenchReport.Overhead measured = new BenchReport.Overhead("exactly-once", 2, 2_000, 1_200, 0.4, 0.9, 0.2, 0.2222,
                Double.NaN, Double.NaN);

        assertThat(BenchReport.overheadMeasured(measured)).isEqualTo("40% (CPU per article: +22%)");
    }

    @Test
    void overheadComparesThePipelinesCpuWithTheEngineInTheJobWhereThatWasMeasured() {
        BenchReport.Overhead measured = new BenchReport.Overhead("exactly-once", 2, 2_490, 1_020, 0.59, 0.79, 0.19,
                0.24, 0.9, 1.1);

        assertThat(BenchReport.overheadMeasured(measured))
                .isEqualTo("59% (CPU per article: +24%; the pipeline's over the engine's in the job: +110%)");
    }

    @Test
    void overheadSaysSoWhenTheNoOpPartDidNotRun() {
        BenchReport.Overhead withoutNoOp = new BenchReport.Overhead("exactly-once", 2, 2_243, 1_364, 0.392, 1.0,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN);

        assertThat(BenchReport.overheadMeasured(withoutNoOp))
                .isEqualTo("39% (CPU per article: not measured without the no-op part)")
                .doesNotContain("NaN");
    }
}
