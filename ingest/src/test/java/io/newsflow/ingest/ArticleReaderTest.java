package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Article;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticleReaderTest {

    private Path dir;

    @BeforeEach
    void createDir() throws Exception {
        dir = Files.createDirectories(Path.of("target", "test-inputs", UUID.randomUUID().toString()));
    }

    private List<ParseResult> readAll(ArticleReader reader, List<String> paths) throws Exception {
        List<ParseResult> results = new ArrayList<>();
        for (String file : reader.expand(paths)) {
            reader.read(file, results::add);
        }
        return results;
    }

    private ArticleReader reader(String stdin) {
        return new ArticleReader(TextArticleParserTest.CLOCK, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsFoldersRecursivelyInOrderAndSkipsHiddenFiles() throws Exception {
        Files.writeString(dir.resolve("b.txt"), "Title B\nBody B");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/a.json"), "{\"title\": \"A\", \"body\": \"Body A\"}");
        Files.writeString(dir.resolve("c.jsonl"), "{\"body\": \"C1\"}\n\n{\"body\": \"C2\"}\n");
        Files.writeString(dir.resolve(".hidden.txt"), "Hidden\nBody");

        List<ParseResult> results = readAll(reader(""), List.of(dir.toString()));

        assertThat(results).allMatch(r -> r instanceof ParseResult.Accepted);
        assertThat(results).extracting(ParseResult::origin).containsExactly(
                dir.resolve("b.txt").toString(), dir.resolve("c.jsonl") + ":1", dir.resolve("c.jsonl") + ":3",
                dir.resolve("sub/a.json").toString());
    }

    @Test
    void jsonlRejectsBadLinesByNumberAndKeepsTheRest() throws Exception {
        Files.writeString(dir.resolve("feed.jsonl"), "{\"body\": \"ok\"}\n{broken\n{\"title\": \"no body\"}\n");

        List<ParseResult> results = readAll(reader(""), List.of(dir.resolve("feed.jsonl").toString()));

        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOf(ParseResult.Accepted.class);
        assertThat(results.get(1)).isInstanceOf(ParseResult.Rejected.class)
                .extracting(ParseResult::origin).asString().endsWith("feed.jsonl:2");
        assertThat(((ParseResult.Rejected) results.get(2)).reason()).isEqualTo("body is missing");
    }

    @Test
    void rejectsBinaryPdfInvalidUtf8EmptyAndMissingFiles() throws Exception {
        Files.write(dir.resolve("bin.txt"), new byte[] {'a', 0, 'b'});
        Files.writeString(dir.resolve("doc.txt"), "%PDF-1.7\n...");
        Files.write(dir.resolve("latin1.txt"), "Title\nCaf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("empty.txt"), new byte[0]);

        List<ParseResult> results = readAll(reader(""), List.of(dir.toString(), dir.resolve("nope.txt").toString()));

        assertThat(results).allMatch(r -> r instanceof ParseResult.Rejected);
        assertThat(results).extracting(r -> ((ParseResult.Rejected) r).reason()).containsExactly(
                "binary content (NUL byte at offset 1), not text",
                "a PDF document, not text; extract its text first",
                "file is empty (0 bytes)",
                "not valid UTF-8 (bad byte at offset 9)",
                "no such file or folder");
    }

    @Test
    void stdinIsJsonlWhenItStartsWithABrace() throws Exception {
        List<ParseResult> results = readAll(reader("  {\"body\": \"one\"}\n{\"body\": \"two\"}\n"), List.of("-"));

        assertThat(results).extracting(ParseResult::origin).containsExactly("<stdin>:1", "<stdin>:2");
    }

    @Test
    void stdinIsTextOtherwise() throws Exception {
        List<ParseResult> results = readAll(reader("Title: From stdin\n\nBody"), List.of("-"));

        assertThat(results).singleElement().isInstanceOf(ParseResult.Accepted.class)
                .extracting(r -> ((ParseResult.Accepted) r).article().getTitle()).isEqualTo("From stdin");
    }

    @Test
    void readsHtmlFilesAsPages() throws Exception {
        Files.writeString(dir.resolve("story.html"), HtmlArticleExtractorTest.newsPage());
        Files.writeString(dir.resolve("empty.htm"), "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");

        List<ParseResult> results = readAll(reader(""), List.of(dir.toString()));

        assertThat(results).hasSize(2);
        assertThat(((ParseResult.Rejected) results.get(0)).reason()).isEqualTo("HTML with no article text in it");
        Article article = ((ParseResult.Accepted) results.get(1)).article();
        assertThat(article.getTitle()).isEqualTo("Harbour Bridge Reopens After Two Years of Repairs");
        assertThat(article.getUrl()).isEqualTo("https://courier.example/news/2024/05/harbour-bridge-reopens");
        assertThat(article.getBody()).startsWith("The harbour bridge reopened");
    }
}
