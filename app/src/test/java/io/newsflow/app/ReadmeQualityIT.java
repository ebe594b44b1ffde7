package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The figures in the README's Quality table are what {@code eval} measures with the engine as built, on
 * ../shared/eval, held-out GUM in ../shared/train and the files in docs/: a change to the engine, its model or its
 * knowledge base that moves one fails this test until the table says so (the failure names the text the README
 * should have). The engine is deterministic, so the figures are compared as {@code eval} prints them. Skipped
 * where ../shared is missing.
 */
class ReadmeQualityIT {

    private static final Path SHARED = Path.of("../../shared");
    private static final Path GUM = SHARED.resolve("eval/ner/gum_wikinews.ner.jsonl");
    private static final Path HUFFPOST = SHARED.resolve("eval/topics/huffpost_news_category.topics.jsonl");
    private static final Path GUM_DEV = SHARED.resolve("train/gum.dev.jsonl");
    private static final Path GUM_TEST = SHARED.resolve("train/gum.test.jsonl");
    private static final Path GUM_TOPICS = Path.of("../docs/gum-wikinews-topics.tsv");
    private static final Path PRODUCTS_EVENTS = Path.of("../docs/products-events.ner.jsonl");
    private static final Path HEADLINES = Path.of("../docs/headlines.ner.jsonl");
    private static final Path NEWS = Path.of("../docs/news.ner.jsonl");
    private static final Path NEWS_TOPICS = Path.of("../docs/news-topics.tsv");
    private static final Path SOFT_NEWS = Path.of("../docs/soft-news.jsonl");
    private static final Path SOFT_NEWS_TOPICS = Path.of("../docs/soft-news-topics.tsv");

    @Test
    void theQualityTableHasTheFiguresEvalMeasures() throws IOException {
        assumeThat(List.of(GUM, HUFFPOST, GUM_DEV, GUM_TEST).stream().allMatch(Files::isRegularFile))
                .as("../shared/eval and ../shared/train present").isTrue();
        Path dir = Files.createDirectories(Path.of("target", "readme-quality-" + UUID.randomUUID()));
        Path heldOut = dir.resolve("gum.dev+test.jsonl");
        Files.write(heldOut, Files.readAllBytes(GUM_DEV));
        Files.write(heldOut, Files.readAllBytes(GUM_TEST), StandardOpenOption.APPEND);

        String main = eval("--ner", GUM.toString(), "--topics", HUFFPOST.toString());
        String flat = eval("--ner", GUM.toString(), "--flat-mentions");
        String fullArticles = eval("--topics", GUM.toString(), "--topic-labels", GUM_TOPICS.toString());
        String productsEvents = eval("--ner", PRODUCTS_EVENTS.toString(), "--types", "PRODUCT,EVENT");
        String headlines = eval("--ner", HEADLINES.toString(), "--types", "PERSON,ORGANIZATION,LOCATION,PRODUCT,EVENT");
        String news = eval("--ner", NEWS.toString(), "--types", "PERSON,ORGANIZATION,LOCATION", "--flat-mentions");
        String newsTopics = eval("--topics", NEWS.toString(), "--topic-labels", NEWS_TOPICS.toString());
        String softNews = eval("--topics", SOFT_NEWS.toString(), "--topic-labels", SOFT_NEWS_TOPICS.toString());
        String dev = eval("--ner", GUM_DEV.toString(), "--flat-mentions");
        String test = eval("--ner", GUM_TEST.toString(), "--flat-mentions");
        String together = eval("--ner", heldOut.toString(), "--flat-mentions");

        Matcher versions = find(main, "engine (\\S+), knowledge base kb (\\S+), model (\\S+),");
        Matcher links = find(main, "entity links: (\\d+) of (\\d+) gold-linked mentions .* \\(([0-9.]+)%\\)");
        Matcher highConfidence = find(main, "0\\.8 to 1\\.0 +(\\d+) +([0-9.]+)");
        Matcher goodConfidence = find(main, "0\\.6 to 0\\.8 \\(excl\\.\\) +(\\d+) +([0-9.]+)");
        List<String> expected = List.of(
                String.format("engine `%s`, model `%s`, knowledge base `%s`", versions.group(1), versions.group(3),
                        versions.group(2)),
                String.format("**F1 %s** (P %s, R %s; PERSON %s, ORGANIZATION %s, LOCATION %s",
                        figure(main, "ner exact F1="), figure(main, "ner exact F1=[0-9.]+ P="),
                        figure(main, "ner exact F1=[0-9.]+ P=[0-9.]+ R="), typeF1(main, "PERSON"),
                        typeF1(main, "ORGANIZATION"), typeF1(main, "LOCATION")),
                "overlapping span + type | F1 " + figure(main, "partial F1=") + " |",
                String.format("F1 %s (PRODUCT %s, EVENT %s", figure(productsEvents, "ner exact F1="),
                        typeF1(productsEvents, "PRODUCT"), typeF1(productsEvents, "EVENT")),
                String.format("**F1 %s** (P %s, R %s)", figure(headlines, "title ner exact F1="),
                        figure(headlines, "title ner exact F1=[0-9.]+ P="),
                        figure(headlines, "title ner exact F1=[0-9.]+ P=[0-9.]+ R=")),
                String.format("**F1 %s** (P %s, R %s; PERSON %s, ORGANIZATION %s, LOCATION %s",
                        figure(news, "ner exact F1="), figure(news, "ner exact F1=[0-9.]+ P="),
                        figure(news, "ner exact F1=[0-9.]+ P=[0-9.]+ R="), typeF1(news, "PERSON"),
                        typeF1(news, "ORGANIZATION"), typeF1(news, "LOCATION")),
                String.format("0.8–1.0: %s (%,d mentions); 0.6–0.8: %s (%,d)", highConfidence.group(2),
                        Integer.parseInt(highConfidence.group(1)), goodConfidence.group(2),
                        Integer.parseInt(goodConfidence.group(1))),
                "F1 " + figure(flat, "ner exact F1=") + " here",
                String.format("exact F1 %s / %s (%s together", figure(dev, "ner exact F1="),
                        figure(test, "ner exact F1="), figure(together, "ner exact F1=")),
                String.format("**%s%%** (%,d of %,d", links.group(3), Integer.parseInt(links.group(1)),
                        Integer.parseInt(links.group(2))),
                topics(main),
                topics(fullArticles),
                topics(newsTopics),
                topics(softNews));

        String quality = qualitySection();
        List<String> missing = new ArrayList<>();
        for (String text : expected) {
            if (!quality.contains(text)) {
                missing.add(text);
            }
        }
        assertThat(missing).as("figures eval measures that the README's Quality section does not have").isEmpty();
    }

    private static String eval(String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "eval";
        System.arraycopy(args, 0, command, 1, args.length);
        command[args.length + 1] = "--speed-seconds";
        command[args.length + 2] = "0";
        CommandRunner eval = CommandRunner.run(command);
        assertThat(eval.exitCode()).as("eval %s: %s", String.join(" ", args), eval.err()).isZero();
        return eval.out();
    }

    private static String qualitySection() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("\n## Quality\n");
        int end = readme.indexOf("\n## ", start + 1);
        assertThat(start).as("README.md has a Quality section").isNotNegative();
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** Top-1 accuracy, top-3 recall and macro-F1 as the table writes them. */
    private static String topics(String out) {
        return String.format("**%s** / %s / %s", figure(out, "top-1 accuracy="), figure(out, "top-3 recall="),
                figure(out, "macro-F1="));
    }

    /** A type's exact-span F1: the last column of its row in the exact table. */
    private static String typeF1(String out, String type) {
        return find(out, "(?m)^exact +" + type + " .* ([0-9.]+)$").group(1);
    }

    private static String figure(String out, String label) {
        return find(out, label + "([0-9]\\.[0-9]+)").group(1);
    }

    private static Matcher find(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        assertThat(m.find()).as("'%s' in%n%s", regex, out).isTrue();
        return m;
    }
}
