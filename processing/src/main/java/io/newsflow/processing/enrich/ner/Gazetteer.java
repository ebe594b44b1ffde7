package io.newsflow.processing.enrich.ner;

import io.newsflow.processing.enrich.EntityType;
import io.newsflow.processing.enrich.KnowledgeBase;
import io.newsflow.processing.enrich.TermMatcher;
import io.newsflow.processing.enrich.text.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Marks the tokens that the knowledge base's names and aliases cover, as features for the tagger: for each
 * match, bit {@code 2t} on its first token and bit {@code 2t + 1} on the others, where {@code t} is the
 * entity type's index in {@link NerLabels#TYPES}. A surface form that names entities of several types sets
 * the bits of each. Matches must start and end on token boundaries.
 */
public final class Gazetteer {

    private final TermMatcher<Integer> matcher;

    public Gazetteer(KnowledgeBase kb) {
        Map<String, Integer> forms = new HashMap<>();
        for (KnowledgeBase.Entry entry : kb.entries()) {
            forms.merge(entry.name(), typeBit(entry.type()), (a, b) -> a | b);
            for (String alias : entry.aliases()) {
                forms.merge(alias, typeBit(entry.type()), (a, b) -> a | b);
            }
        }
        this.matcher = new TermMatcher<>(forms);
    }

    /** The bit of an entity type in the type masks {@link #mark(Tokens, List, ToIntFunction)} reads. */
    public static int typeBit(EntityType type) {
        return 1 << NerLabels.TYPES.indexOf(type);
    }

    /** One mask per token. */
    public int[] mark(Tokens tokens) {
        return mark(tokens, matcher.find(tokens.text()), Integer::intValue);
    }

    /**
     * One mask per token from knowledge-base matches found elsewhere (leftmost-longest, in text order, as
     * {@link TermMatcher#find} returns them), each with the {@link #typeBit type bits} of the entities its
     * form names: for a caller that scans the text for its own reasons anyway.
     */
    public static <V> int[] mark(Tokens tokens, List<TermMatcher.Match<V>> matches, ToIntFunction<V> types) {
        int[] marks = new int[tokens.size()];
        if (tokens.size() == 0) {
            return marks;
        }
        int t = 0;
        for (TermMatcher.Match<V> match : matches) {
            while (t < tokens.size() && tokens.start(t) < match.start()) {
                t++;
            }
            if (t == tokens.size() || tokens.start(t) != match.start()) {
                continue;
            }
            int last = t;
            while (last + 1 < tokens.size() && tokens.end(last) < match.end()) {
                last++;
            }
            if (tokens.end(last) != match.end()) {
                continue;
            }
            int mask = types.applyAsInt(match.value());
            for (int type = 0; type < NerLabels.TYPES.size(); type++) {
                if ((mask & (1 << type)) != 0) {
                    marks[t] |= 1 << (2 * type);
                    for (int k = t + 1; k <= last; k++) {
                        marks[k] |= 1 << (2 * type + 1);
                    }
                }
            }
        }
        return marks;
    }
}
