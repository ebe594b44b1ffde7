package io.newsflow.processing.enrich;

/**
 * A name found in a text on its way to an entity: where it stands, the type the tagger or a rule gave it, and
 * what the knowledge base makes of it. The rules of {@link EntityTagger} refine it; one per mention.
 */
final class FoundName {
    final int start;
    final int end;
    final String text;
    EntityType type;
    final double margin;
    KnowledgeBase.Entry entry;
    boolean ambiguous;
    /** The Wikipedia title of an entity the knowledge base does not hold but a rule knows ("… national football team"). */
    String title;

    FoundName(int start, int end, String text, EntityType type, double margin) {
        this.start = start;
        this.end = end;
        this.text = text;
        this.type = type;
        this.margin = margin;
    }

    /** The knowledge base's type where the name is linked, else the type found. */
    EntityType linkedType() {
        return entry != null ? entry.type() : type;
    }

    /** The same name over another stretch of the body ("AirPods" as "AirPods Pro 2"), linked as this one is. */
    FoundName spanning(int from, int to, String body) {
        FoundName name = new FoundName(from, to, body.substring(from, to), type, margin);
        name.entry = entry;
        name.ambiguous = ambiguous;
        name.title = title;
        return name;
    }
}
