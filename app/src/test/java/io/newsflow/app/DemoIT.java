package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README's first command, end to end: broker, job, ingest, output, summary. */
class DemoIT {

    @Test
    void demoEnrichesTheSamplesAndDeadLettersTheBrokenOnes() {
        CommandRunner result = CommandRunner.run("demo", "--samples", "../samples", "--work-dir", "target");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("published 8, enriched 6, dead-lettered 1, dropped as duplicates 1, rejected at ingest 1")
                .contains("\"name\" : \"Elon Musk\"", "\"type\" : \"PERSON\"", "\"id\" : \"wikidata:Q317521\"")
                .contains("\"name\" : \"OpenAI\"", "\"name\" : \"Memphis\"")
                .contains("\"label\" : \"science and technology\"")
                .contains("not Avro single-object encoding");
        assertThat(result.err()).as("rejected at the edge by the job's own rules")
                .contains("broken-future-date.txt: published_at 2099-01-01T00:00:00Z is in the future");
    }

    @Test
    void missingSamplesFolderIsAClearError() {
        CommandRunner result = CommandRunner.run("demo", "--samples", "target/no-such-samples");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--samples target/no-such-samples has no articles/ folder");
    }
}
