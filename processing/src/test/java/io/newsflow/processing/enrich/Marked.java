package io.newsflow.processing.enrich;

import java.util.ArrayList;
import java.util.List;

/**
 * A text and the names found in it, as the tagger might have found them, written as one string: each
 * {@code [text|TYPE]} marks a name, and the marks are removed from the body. For the tests of the rules.
 */
record Marked(String body, List<FoundName> found) {
    static Marked of(String marked) {
        StringBuilder body = new StringBuilder();
        List<FoundName> found = new ArrayList<>();
        int i = 0;
        while (i < marked.length()) {
            char c = marked.charAt(i);
            if (c == '[') {
                int bar = marked.indexOf('|', i);
                int close = marked.indexOf(']', bar);
                String text = marked.substring(i + 1, bar);
                int start = body.length();
                body.append(text);
                found.add(new FoundName(start, body.length(), text,
                        EntityType.valueOf(marked.substring(bar + 1, close)), 1.0));
                i = close + 1;
            } else {
                body.append(c);
                i++;
            }
        }
        return new Marked(body.toString(), found);
    }

    List<String> names() {
        return found.stream().map(f -> f.text + "|" + f.type).toList();
    }
}
