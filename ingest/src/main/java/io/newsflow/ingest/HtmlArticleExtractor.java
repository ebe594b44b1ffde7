package io.newsflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an HTML page (or an HTML fragment) into what an article needs: the title, the body as plain text with
 * paragraphs separated by blank lines, the publication date, the canonical URL, the authors and the site name.
 *
 * <p>The body: scripts, styles, forms, comments, navigation, headers, footers, asides, figures and elements
 * marked as sharing, comments, ads, newsletters or related links are removed; the content root is the page's
 * {@code articleBody}, else its {@code <article>} with the most text, else {@code <main>}, else the element
 * whose paragraphs hold the most text (a small text-density heuristic in the spirit of Readability); blocks
 * that are mostly links are dropped. Facts come from JSON-LD ({@code NewsArticle}, {@code Article},
 * {@code BlogPosting}: {@code headline}, {@code datePublished}, {@code author}, {@code url},
 * {@code publisher}), then from meta tags ({@code og:title}, {@code article:published_time}, {@code og:url},
 * {@code <link rel=canonical>}, {@code author}), then from the markup ({@code <h1>}, {@code <time datetime>},
 * {@code <title>}). Plain Java over jsoup: no network, no state, safe to share between threads.
 */
public final class HtmlArticleExtractor {

    /** What a page says about its article. Missing facts are null (authors: empty); the body is never null. */
    public record HtmlPage(String title, String body, Instant published, String url, List<String> authors,
                           String siteName) {
        public HtmlPage {
            body = body == null ? "" : body;
            authors = List.copyOf(authors);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Never article text. */
    private static final String REMOVED = String.join(",", "script", "style", "noscript", "template", "nav",
            "header", "footer", "aside", "form", "iframe", "svg", "canvas", "button", "input", "select",
            "textarea", "figure", "menu", "dialog", "object", "embed", "video", "audio", "[hidden]",
            "[aria-hidden=true]", "[role=navigation]", "[role=banner]", "[role=contentinfo]",
            "[role=complementary]", "[role=dialog]", "[role=alert]");

    /** class/id words that mark boilerplate; matched as whole words of the attribute, so "header" ≠ "headline". */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?:^|[\\s_-])(?:share|sharing|social|comments?|related|recommended|promo|ads?|advert|advertisement|"
                    + "sponsored|newsletter|subscribe|subscription|signup|paywall|cookies?|consent|breadcrumbs?|"
                    + "sidebar|menu|navbar|nav|footer|masthead|byline|tags|toolbar|popup|modal|outbrain|taboola)"
                    + "(?:$|[\\s_-])", Pattern.CASE_INSENSITIVE);

    /** Elements that end a paragraph of text. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
            "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th",
            "address", "hr", "center", "details", "summary", "body");

    /** One-line blocks that are page furniture, not article text. */
    private static final Set<String> FURNITURE = Set.of("advertisement", "advertisement.", "ad", "share", "share this",
            "share this article", "skip to content", "skip to main content", "read more", "continue reading");

    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle",
            "blogposting", "liveblogposting", "report", "scholarlyarticle", "techarticle");

    private static final DateTimeFormatter OFFSET_WITHOUT_COLON =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx", Locale.ROOT);

    /** Extracts from HTML text; {@code baseUri} (may be null) resolves relative canonical URLs. */
    public HtmlPage extract(String html, String baseUri) {
        return extract(Jsoup.parse(html, baseUri == null ? "" : baseUri));
    }

    /**
     * Extracts from HTML bytes in the charset given (e.g. from a Content-Type header), else the one the page
     * declares ({@code <meta charset>}, a byte-order mark), else UTF-8.
     */
    public HtmlPage extract(byte[] html, String charset, String baseUri) {
        try {
            return extract(Jsoup.parse(new ByteArrayInputStream(html), charset, baseUri == null ? "" : baseUri));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen: the bytes are in memory
        }
    }

    private HtmlPage extract(Document doc) {
        JsonNode ld = jsonLdArticle(doc).orElse(null);
        String siteName = first(meta(doc, "og:site_name"), ld == null ? null : name(ld.get("publisher")));
        String title = first(ldText(ld, "headline"), ldText(ld, "name"), meta(doc, "og:title"),
                meta(doc, "twitter:title"), text(doc.selectFirst("article h1")), text(doc.selectFirst("h1")),
                pageTitle(doc, siteName));
        Instant published = firstDate(ldText(ld, "datePublished"), meta(doc, "article:published_time"),
                meta(doc, "og:article:published_time"), meta(doc, "datePublished"), meta(doc, "pubdate"),
                meta(doc, "publishdate"), meta(doc, "date"), meta(doc, "dc.date.issued"), meta(doc, "dc.date"),
                meta(doc, "parsely-pub-date"), meta(doc, "sailthru.date"),
                attr(doc.selectFirst("[itemprop=datePublished][datetime], [itemprop=datePublished][content]")),
                attr(doc.selectFirst("article time[datetime]")), attr(doc.selectFirst("time[pubdate][datetime]")),
                attr(doc.selectFirst("time[datetime]")));
        String url = firstUrl(doc, doc.selectFirst("link[rel=canonical]") == null ? null
                        : doc.selectFirst("link[rel=canonical]").attr("abs:href"),
                meta(doc, "og:url"), ldText(ld, "url"), ld == null ? null : idOf(ld.get("mainEntityOfPage")));
        List<String> authors = ld == null ? List.of() : names(ld.get("author"));
        if (authors.isEmpty()) {
            authors = metaAuthors(doc);
        }
        String body = body(doc, title);
        String ldBody = ldText(ld, "articleBody");
        if (ldBody != null && body.length() < ldBody.strip().length() / 2) {
            body = ldBody.strip(); // the markup hides the text (rendered by script); the page's own data has it
        }
        return new HtmlPage(title, body, published, url, authors, siteName);
    }

    // ---- body ----

    private static String body(Document doc, String title) {
        Element root = contentRoot(doc);
        root = root.clone(); // the page stays as it was, for the caller's other questions
        removeBoilerplate(root);
        List<String> paragraphs = new ArrayList<>();
        for (Block block : blocks(root)) {
            String text = block.text();
            if (text.isEmpty() || FURNITURE.contains(text.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (block.linkChars() > text.length() / 2) {
                continue; // a list of links: navigation, "related", tags
            }
            if (paragraphs.isEmpty() && title != null && text.equalsIgnoreCase(title.strip())) {
                continue; // the headline repeated above the text
            }
            paragraphs.add(text);
        }
        return String.join("\n\n", paragraphs);
    }

    private static Element contentRoot(Document doc) {
        Element body = doc.body();
        Element marked = body.selectFirst("[itemprop=articleBody]");
        if (marked != null && hasText(marked)) {
            return marked;
        }
        Element article = null;
        int most = 0;
        for (Element candidate : body.select("article")) {
            if (candidate.parents().stream().anyMatch(HtmlArticleExtractor::isBoilerplate)) {
                continue; // a teaser in an aside or footer
            }
            int length = paragraphText(candidate);
            if (length > most) {
                most = length;
                article = candidate;
            }
        }
        if (article != null) {
            return article;
        }
        Element main = body.selectFirst("main, [role=main]");
        if (main != null && hasText(main)) {
            return main;
        }
        return densest(body);
    }

    /**
     * The element whose paragraphs hold the most text: each paragraph scores its parent fully and its
     * grandparent half (Readability's rule), discounted by how much of the element is link text.
     */
    private static Element densest(Element body) {
        Map<Element, Double> scores = new HashMap<>();
        for (Element p : body.select("p, pre, blockquote")) {
            String text = p.text();
            if (text.length() < 25 || p.parents().stream().anyMatch(HtmlArticleExtractor::isBoilerplate)) {
                continue;
            }
            double score = 1 + text.split(",", -1).length - 1 + Math.min(text.length() / 100.0, 3);
            Element parent = p.parent();
            if (parent != null) {
                scores.merge(parent, score, Double::sum);
                Element grandparent = parent.parent();
                if (grandparent != null) {
                    scores.merge(grandparent, score / 2, Double::sum);
                }
            }
        }
        Element best = body;
        double bestScore = 0;
        for (Map.Entry<Element, Double> entry : scores.entrySet()) {
            double score = entry.getValue() * (1 - linkDensity(entry.getKey()));
            if (score > bestScore) {
                bestScore = score;
                best = entry.getKey();
            }
        }
        return best;
    }

    private static void removeBoilerplate(Element root) {
        root.select(REMOVED).remove();
        for (Element element : root.select("[class], [id]")) {
            if (element != root && isBoilerplate(element)) {
                element.remove();
            }
        }
        List<Node> comments = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        }, root);
        comments.forEach(Node::remove);
    }

    private static boolean isBoilerplate(Element element) {
        return element.is(REMOVED) || BOILERPLATE.matcher(element.className()).find()
                || BOILERPLATE.matcher(element.id()).find();
    }

    private record Block(String text, int linkChars) { }

    /** The text of {@code root} cut into blocks at block-level elements; {@code <br>} becomes a line break. */
    private static List<Block> blocks(Element root) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int[] linkChars = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    String value = textNode.getWholeText().replace('\u00A0', ' ');
                    if (node.parentNode() instanceof Element parent && parent.is("pre")) {
                        text.append(value);
                        return;
                    }
                    String collapsed = value.replaceAll("\\s+", " ");
                    text.append(collapsed);
                    if (insideLink(node)) {
                        linkChars[0] += collapsed.strip().length();
                    }
                } else if (node instanceof Element element) {
                    if (element.normalName().equals("br")) {
                        text.append('\n');
                    } else if (BLOCKS.contains(element.normalName())) {
                        flush();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    flush();
                }
            }

            private void flush() {
                String block = text.toString().lines().map(String::strip).filter(l -> !l.isEmpty())
                        .reduce((a, b) -> a + "\n" + b).orElse("");
                if (!block.isEmpty()) {
                    blocks.add(new Block(block, linkChars[0]));
                }
                text.setLength(0);
                linkChars[0] = 0;
            }
        }, root);
        return blocks;
    }

    private static boolean insideLink(Node node) {
        for (Node n = node.parentNode(); n instanceof Element e; n = n.parentNode()) {
            if (e.normalName().equals("a")) {
                return true;
            }
        }
        return false;
    }

    private static int paragraphText(Element element) {
        int length = 0;
        for (Element p : element.select("p")) {
            length += p.text().length();
        }
        return length;
    }

    private static boolean hasText(Element element) {
        return paragraphText(element) > 0 || element.text().length() > 200;
    }

    private static double linkDensity(Element element) {
        int all = element.text().length();
        if (all == 0) {
            return 0;
        }
        int links = 0;
        for (Element a : element.select("a")) {
            links += a.text().length();
        }
        return Math.min(1, (double) links / all);
    }

    // ---- JSON-LD ----

    /** The first JSON-LD node typed as an article, looking into arrays and {@code @graph}; broken JSON is skipped. */
    private static Optional<JsonNode> jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                Optional<JsonNode> found = findArticle(JSON.readTree(script.data()));
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException ignored) {
                // a page's broken JSON-LD says nothing; the meta tags may
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> findArticle(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                Optional<JsonNode> found = findArticle(element);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        if (isArticleType(node.get("@type"))) {
            return Optional.of(node);
        }
        return findArticle(node.get("@graph"));
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String name = type.asText().toLowerCase(Locale.ROOT);
        return ARTICLE_TYPES.contains(name.substring(name.lastIndexOf('/') + 1));
    }

    private static String ldText(JsonNode ld, String field) {
        if (ld == null) {
            return null;
        }
        JsonNode value = ld.get(field);
        if (value != null && value.isArray() && !value.isEmpty()) {
            value = value.get(0);
        }
        return value != null && value.isValueNode() ? blankToNull(Jsoup.parse(value.asText()).text()) : null;
    }

    private static String name(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return blankToNull(node.asText());
        }
        if (node.isArray() && !node.isEmpty()) {
            return name(node.get(0));
        }
        return node.isObject() && node.get("name") != null ? blankToNull(node.get("name").asText()) : null;
    }

    private static String idOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        return node.isObject() && node.get("@id") != null ? node.get("@id").asText() : null;
    }

    private static List<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                String name = name(element);
                if (name != null) {
                    names.add(name.strip());
                }
            }
        } else {
            String name = name(node);
            if (name != null) {
                names.add(name.strip());
            }
        }
        return List.copyOf(names);
    }

    // ---- meta tags and markup ----

    /** The content of {@code <meta property=KEY>} or {@code <meta name=KEY>} (or itemprop), case-insensitive. */
    private static String meta(Document doc, String key) {
        for (Element meta : doc.select("meta[content]")) {
            for (String attribute : new String[] {"property", "name", "itemprop"}) {
                if (meta.attr(attribute).equalsIgnoreCase(key)) {
                    return blankToNull(meta.attr("content"));
                }
            }
        }
        return null;
    }

    private static List<String> metaAuthors(Document doc) {
        Set<String> authors = new LinkedHashSet<>();
        for (Element meta : doc.select("meta[content]")) {
            String key = (meta.attr("name") + meta.attr("property")).toLowerCase(Locale.ROOT);
            if (key.equals("author") || key.equals("article:author") || key.equals("dc.creator")) {
                String value = meta.attr("content").strip().replaceFirst("(?i)^by\\s+", "");
                if (!value.isEmpty() && !value.contains("://")) { // article:author is often a profile URL
                    authors.add(value);
                }
            }
        }
        return List.copyOf(authors);
    }

    private static String pageTitle(Document doc, String siteName) {
        String title = blankToNull(doc.title());
        if (title != null && siteName != null) {
            for (String separator : new String[] {" | ", " - ", " – ", " — ", " :: "}) {
                if (title.endsWith(separator + siteName)) {
                    return title.substring(0, title.length() - separator.length() - siteName.length()).strip();
                }
            }
        }
        return title;
    }

    private static String text(Element element) {
        return element == null ? null : blankToNull(element.text());
    }

    private static String attr(Element element) {
        if (element == null) {
            return null;
        }
        return blankToNull(element.hasAttr("datetime") ? element.attr("datetime") : element.attr("content"));
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    private static Instant firstDate(String... values) {
        for (String value : values) {
            Instant instant = parseDate(value);
            if (instant != null) {
                return instant;
            }
        }
        return null;
    }

    /** Lenient: pages write dates in many ISO-ish ways; one that cannot be read is passed over, never an error. */
    static Instant parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** The first candidate that is an absolute http(s) URL, relative ones resolved against the page's base. */
    private static String firstUrl(Document doc, String... candidates) {
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            try {
                URI uri = new URI(candidate.strip());
                if (!uri.isAbsolute() && !doc.location().isEmpty()) {
                    uri = new URI(doc.location()).resolve(uri);
                }
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri.toString();
                }
            } catch (URISyntaxException | IllegalArgumentException ignored) {
                // not a URL; try the next
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
