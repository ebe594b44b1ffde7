package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.ArticleReader;
import io.newsflow.ingest.JsonArticleParser;
import io.newsflow.ingest.ParseResult;
import io.newsflow.schemas.Article;
import io.newsflow.schemas.validate.ArticleValidator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's curl examples for the HTTP endpoint get the answer its table gives first (202): every article they
 * send passes the rules the endpoint applies. Copy-pasting an example that the endpoint refuses is a poor start.
 */
class ReadmeHttpExamplesTest {

    private static final Pattern CURL = Pattern.compile("(?m)^curl .*http://localhost:8080/articles$");
    private static final Pattern INLINE = Pattern.compile("-d '([^']*)'");
    private static final Pattern FILE = Pattern.compile("--data-binary @(\\S+)");

    private final ArticleValidator validator = new ArticleValidator(1_000_000); // --max-body-bytes' default
    private final Clock clock = Clock.systemUTC();

    @Test
    void everyArticleTheCurlExamplesSendIsValid() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> examples = CURL.matcher(readme).results().map(MatchResult::group).toList();
        assertThat(examples).as("the curl examples in README.md").hasSizeGreaterThanOrEqualTo(3);

        List<String> problems = new ArrayList<>();
        int articles = 0;
        for (String example : examples) {
            for (Article article : articles(example)) {
                articles++;
                validator.check(article, null, clock.instant()).ifPresent(reason -> problems.add(example + ": " + reason));
            }
        }

        assertThat(articles).isGreaterThanOrEqualTo(6);
        assertThat(problems).isEmpty();
    }

    private List<Article> articles(String example) throws Exception {
        List<Article> articles = new ArrayList<>();
        Matcher inline = INLINE.matcher(example);
        Matcher file = FILE.matcher(example);
        if (inline.find()) {
            JsonNode json = new ObjectMapper().readTree(inline.group(1));
            JsonArticleParser parser = new JsonArticleParser(clock);
            for (JsonNode article : json.isArray() ? json : List.of(json)) {
                articles.add(parser.parse(article.toString()));
            }
        } else if (file.find()) {
            new ArticleReader(clock, InputStream.nullInputStream()).read(Path.of("..", file.group(1)).toString(), result -> {
                assertThat(result).as(example).isInstanceOf(ParseResult.Accepted.class);
                articles.add(((ParseResult.Accepted) result).article());
            });
        }
        assertThat(articles).as("the articles of %s", example).isNotEmpty();
        return articles;
    }
}
