package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.EntityType;
import java.util.List;

/**
 * The tagger's classes: {@code O}, then {@code B-} and {@code I-} for each entity type (BIO, as the training
 * corpora write them). Class 0 is {@code O}; class {@code 1 + 2t} is {@code B-} of type {@code t}, {@code 2 + 2t}
 * is {@code I-}.
 */
public final class NerLabels {

    public static final List<EntityType> TYPES = List.of(EntityType.PERSON, EntityType.ORGANIZATION,
            EntityType.LOCATION, EntityType.PRODUCT, EntityType.EVENT, EntityType.OTHER);
    public static final int COUNT = 1 + 2 * TYPES.size();
    public static final int OUTSIDE = 0;

    private NerLabels() {}

    public static int begin(int type) {
        return 1 + 2 * type;
    }

    public static int inside(int type) {
        return 2 + 2 * type;
    }

    public static boolean isBegin(int label) {
        return label != OUTSIDE && label % 2 == 1;
    }

    public static boolean isInside(int label) {
        return label != OUTSIDE && label % 2 == 0;
    }

    /** The entity type index of a B- or I- label. */
    public static int type(int label) {
        return (label - 1) / 2;
    }

    /** I-X may only follow B-X or I-X. */
    public static boolean allowed(int previous, int label) {
        return !isInside(label) || (previous != OUTSIDE && type(previous) == type(label));
    }

    /** Parses {@code O}, {@code B-PERSON}, {@code I-LOCATION} …; unknown types read as OTHER. */
    public static int parse(String tag) {
        if (tag.equals("O")) {
            return OUTSIDE;
        }
        int type;
        try {
            type = TYPES.indexOf(EntityType.valueOf(tag.substring(2)));
        } catch (IllegalArgumentException e) {
            type = TYPES.indexOf(EntityType.OTHER);
        }
        return tag.charAt(0) == 'B' ? begin(type) : inside(type);
    }

    public static String name(int label) {
        if (label == OUTSIDE) {
            return "O";
        }
        return (isBegin(label) ? "B-" : "I-") + TYPES.get(type(label)).name();
    }
}
