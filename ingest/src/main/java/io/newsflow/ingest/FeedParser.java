package io.newsflow.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newsflow.schemas.ContentHash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom feed with ROME into its items. Safe against hostile XML: a document
 * that declares a DOCTYPE is refused before any entity is read, which stops external entities (XXE: a feed
 * that would pull a local file or an internal URL into an item) and entity expansion (billion laughs) alike.
 * ROME refuses DOCTYPEs by default since 1.5.1; this class says so explicitly and names the refusal. (RSS 0.91
 * Netscape feeds that carry their DTD's DOCTYPE are refused too — a price worth paying.)
 */
final class FeedParser {

    /** A feed's items, in the order the feed lists them. */
    record Feed(String title, List<Item> items) {
        Feed {
            items = List.copyOf(items);
        }
    }

    /**
     * One item: {@code guid} is the RSS guid or Atom id (else the link, else a hash of the item), {@code text}
     * the longest of its description and content (often HTML), or null.
     */
    record Item(String guid, String link, String title, Instant published, List<String> authors, String text) {
        Item {
            authors = List.copyOf(authors);
        }
    }

    /** The document is not a feed this parser will read; the message is the reason. */
    static final class InvalidFeedException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidFeedException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    Feed parse(byte[] body, String contentType) throws InvalidFeedException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false); // the default; stated because it is what keeps XXE and billion laughs out
        input.setXmlHealerOn(true);    // tolerates HTML entities such as &nbsp; and leading junk before the prolog
        SyndFeed feed;
        String type = contentType == null || contentType.isBlank() ? null : contentType;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), type, true)) {
            feed = input.build(reader);
        } catch (FeedException e) {
            throw new InvalidFeedException(reason(e), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidFeedException("not an RSS or Atom feed" + (type == null ? "" : " (Content-Type " + type + ")"), e);
        } catch (IOException e) {
            throw new InvalidFeedException("unreadable: " + e.getMessage(), e);
        }
        List<Item> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            items.add(item(entry));
        }
        return new Feed(text(feed.getTitle()), items);
    }

    private static String reason(FeedException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("DOCTYPE is disallowed")) {
                return "refused: the document declares a DOCTYPE, which feeds are not allowed to "
                        + "(external entities and entity expansion are how XXE and billion-laughs attacks work)";
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ").strip();
        return "not XML: " + message.replaceFirst("^Invalid XML:?\\s*", "");
    }

    private static Item item(SyndEntry entry) {
        String link = blankToNull(entry.getLink());
        String title = text(entry.getTitle());
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        Set<String> authors = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            if (blankToNull(person.getName()) != null) {
                authors.add(person.getName().strip());
            }
        }
        if (authors.isEmpty() && blankToNull(entry.getAuthor()) != null) {
            authors.add(entry.getAuthor().strip());
        }
        String text = null;
        List<SyndContent> contents = new ArrayList<>(entry.getContents());
        if (entry.getDescription() != null) {
            contents.add(entry.getDescription());
        }
        for (SyndContent content : contents) {
            String value = blankToNull(content.getValue());
            if (value != null && (text == null || value.length() > text.length())) {
                text = value;
            }
        }
        String guid = blankToNull(entry.getUri());
        if (guid == null) {
            guid = link != null ? link
                    : "sha-" + ContentHash.sha256Hex(title + "\n" + date + "\n" + text).substring(0, 20);
        }
        return new Item(guid.strip(), link, title, date == null ? null : date.toInstant(), List.copyOf(authors), text);
    }

    /** Feed titles may carry markup or entities; the article wants their text. */
    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.indexOf('<') >= 0 || value.indexOf('&') >= 0 ? blankToNull(Jsoup.parse(value).text()) : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static boolean isHttp(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }
}
