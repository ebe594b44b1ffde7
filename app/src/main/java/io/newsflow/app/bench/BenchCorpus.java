package io.newsflow.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.app.quality.JsonlDocuments;
import io.newsflow.ingest.ArticleReader;
import io.newsflow.ingest.ParseResult;
import io.newsflow.schemas.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The texts the benchmark runs on: the bundled sample articles (read with the ingest parsers) and the
 * documents of {@code ../shared/eval} (JSONL), laid end to end and cut into articles of about 700 words at
 * paragraph boundaries: the size of a news story, and the same articles for the engine alone and for the
 * pipeline, so that their rates compare. Short texts (the HuffPost ledes) become paragraphs of a digest, the
 * way news briefs are published.
 */
public final class BenchCorpus {

    /** Words per article the benchmark aims at; an article ends with the paragraph that reaches it. */
    public static final int ARTICLE_WORDS = 700;

    private BenchCorpus() {}

    /**
     * The source texts: every article under {@code samples/articles} the ingest parsers accept, then every
     * document of every {@code *.jsonl} file under {@code evalDir} (skipped if it is missing). Exact repeats
     * (the same title and body) are kept once.
     */
    public static List<EngineSpeed.Text> sources(Path samples, Path evalDir) throws IOException {
        Set<List<String>> seen = new LinkedHashSet<>();
        ArticleReader reader = new ArticleReader(Clock.systemUTC(), InputStream.nullInputStream());
        Path articles = samples.resolve("articles");
        if (Files.isDirectory(articles)) {
            for (String file : reader.expand(List.of(articles.toString()))) {
                reader.read(file, result -> {
                    if (result instanceof ParseResult.Accepted accepted) {
                        Article article = accepted.article();
                        seen.add(Arrays.asList(article.getTitle(), article.getBody()));
                    }
                });
            }
        }
        if (evalDir != null && Files.isDirectory(evalDir)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(evalDir)) {
                files = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
            }
            ObjectMapper mapper = new ObjectMapper();
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    JsonlDocuments.read(in, mapper, doc -> seen.add(Arrays.asList(doc.title(), doc.text())),
                            (line, reason) -> { });
                }
            }
        }
        return seen.stream().map(t -> EngineSpeed.Text.of(t.get(0), t.get(1))).toList();
    }

    /**
     * The sources laid end to end and cut into articles of at least {@code words} words at paragraph
     * boundaries (a text without blank lines is one paragraph, with its title as its first line). Each article
     * takes the title of the text it starts in. The remainder shorter than an article is left out.
     */
    public static List<EngineSpeed.Text> articles(List<EngineSpeed.Text> sources, int words) {
        List<EngineSpeed.Text> articles = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        String title = null;
        int count = 0;
        for (EngineSpeed.Text source : sources) {
            for (String paragraph : paragraphs(source)) {
                if (body.isEmpty()) {
                    title = source.title();
                } else {
                    body.append("\n\n");
                }
                body.append(paragraph);
                count += EngineSpeed.countWords(paragraph);
                if (count >= words) {
                    articles.add(EngineSpeed.Text.of(title, body.toString()));
                    body.setLength(0);
                    count = 0;
                }
            }
        }
        return articles;
    }

    /** The texts again and again, in order, until they hold at least {@code minBytes} bytes (UTF-8). */
    public static List<EngineSpeed.Text> repeatedTo(List<EngineSpeed.Text> texts, long minBytes) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to repeat");
        }
        List<EngineSpeed.Text> repeated = new ArrayList<>();
        long bytes = 0;
        while (bytes < minBytes) {
            for (EngineSpeed.Text text : texts) {
                repeated.add(text);
                bytes += text.bytes();
            }
        }
        return repeated;
    }

    private static List<String> paragraphs(EngineSpeed.Text source) {
        String body = source.body().strip();
        if (!body.contains("\n\n")) {
            return List.of(source.title() == null || source.title().isBlank() ? body : source.title().strip() + "\n" + body);
        }
        return Stream.of(body.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
