package io.newsflow.processing.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * From found names to entities: the mentions of one entity are grouped (the same entry; the same name; a
 * short form of a full name), each group becomes an entity with its canonical name, ids or a guessed
 * Wikipedia title, salience and confidence.
 */
final class EntityGroups {

    private EntityGroups() {}

    private static final double CONFIDENCE_LINKED = 0.9;
    private static final double CONFIDENCE_AMBIGUOUS = 0.7;

    /** The mentions of one entity. */
    static final class Group {
        final List<FoundName> mentions = new ArrayList<>();
        KnowledgeBase.Entry entry;
        FoundName longest;
    }

    /**
     * Groups the mentions of one entity: the same linked entry; the same type and text; the same Wikipedia title
     * a rule gave names the knowledge base does not hold ("Korea Republic" and "Korea", each South Korea's
     * national football team in a sports story); a single word that is a
     * person's last name ("Santorum" with "Rick Santorum") or the first name of only one person in the text
     * ("Frank" with "Frank Messina"), wherever in the text the full name stands; the acronym of an organisation
     * or place ("KSC" with "Kennedy Space Center"). An unlinked short form takes the type of its full name,
     * whatever type the tagger gave it; so does a person's name the knowledge base knows as something else,
     * except after "in" or "at" ("Paris" after "Valeska Paris" is she; "in Paris" is the city).
     */
    static List<Group> group(String body, List<FoundName> found) {
        Map<String, EntityType> shortForms = shortForms(found);
        List<FoundName> shortened = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        Map<Object, Group> byKey = new HashMap<>();
        Map<String, Group> byShortForm = new HashMap<>();
        for (FoundName mention : found) {
            EntityType full = mention.text.contains(" ") ? null : shortForms.get(mention.text);
            if (full != null && (mention.entry == null || mention.entry.type() == full
                    || (full == EntityType.PERSON && !NameRules.afterPlaceWord(body, mention.start)))) {
                shortened.add(mention);
                continue;
            }
            String titled = mention.entry == null && mention.title != null ? "\u0001" + mention.title : null;
            Group group = mention.entry != null ? byKey.get(mention.entry) : byKey.get(key(mention));
            if (group == null && titled != null) {
                group = byKey.get(titled);
            }
            if (group == null) {
                group = new Group();
                groups.add(group);
            }
            join(group, mention);
            byKey.putIfAbsent(mention.entry != null ? mention.entry : key(mention), group);
            byKey.putIfAbsent(key(mention), group);
            if (titled != null) {
                byKey.putIfAbsent(titled, group);
            }
            for (String form : shortFormsOf(mention)) {
                byShortForm.putIfAbsent(form, group);
            }
        }
        for (FoundName mention : shortened) {
            Group group = byShortForm.get(mention.text);
            mention.entry = null;
            mention.type = group.mentions.get(0).type;
            join(group, mention);
        }
        groups.forEach(g -> g.mentions.sort(Comparator.comparingInt(m -> m.start)));
        return groups;
    }

    /** The short forms the text's multi-word names can take, each with the type of its name. */
    private static Map<String, EntityType> shortForms(List<FoundName> found) {
        Map<String, EntityType> forms = new HashMap<>();
        Map<String, Set<String>> firstNames = new HashMap<>();
        for (FoundName mention : found) {
            String first = firstName(mention);
            for (String form : shortFormsOf(mention)) {
                if (!form.equals(first)) {
                    forms.putIfAbsent(form, mention.type);
                }
            }
            if (first != null) {
                firstNames.computeIfAbsent(first, k -> new HashSet<>()).add(mention.text);
            }
        }
        firstNames.forEach((first, people) -> {
            if (people.size() == 1) {
                forms.putIfAbsent(first, EntityType.PERSON);
            }
        });
        return forms;
    }

    /** A person's last and first name; the acronym of three letters or more of another multi-word name. */
    private static List<String> shortFormsOf(FoundName mention) {
        if (!mention.text.contains(" ")) {
            return List.of();
        }
        if (mention.type == EntityType.PERSON) {
            String first = firstName(mention);
            return first == null ? List.of(lastWord(mention.text)) : List.of(lastWord(mention.text), first);
        }
        String acronym = acronym(mention.text);
        return acronym.length() >= 3 && mention.type != EntityType.PRODUCT ? List.of(acronym) : List.of();
    }

    /** "Frank" of "Frank Messina"; null for a one-word name or an initial ("J. Smith"). */
    private static String firstName(FoundName mention) {
        int space = mention.text.indexOf(' ');
        if (mention.type != EntityType.PERSON || space < 0) {
            return null;
        }
        String first = mention.text.substring(0, space);
        return first.length() > 2 && Character.isUpperCase(first.charAt(0)) && first.chars().allMatch(Character::isLetter)
                ? first : null;
    }

    private static void join(Group group, FoundName mention) {
        group.mentions.add(mention);
        if (group.entry == null && mention.entry != null) {
            group.entry = mention.entry;
        }
        if (group.longest == null || mention.text.length() > group.longest.text.length()) {
            group.longest = mention;
        }
    }

    private static String lastWord(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    private static String key(FoundName mention) {
        return mention.type + "\u0000" + mention.text;
    }

    /** "University of North Carolina" -> "UNC": the capitals of its words. */
    static String acronym(String name) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((i == 0 || isWordBreak(name.charAt(i - 1))) && !isWordBreak(c) && Character.isUpperCase(c)) {
                letters.append(c);
            }
        }
        return letters.toString();
    }

    /** Words of a name are separated by spaces and hyphens ("Rolls-Royce" -> "RR"). */
    private static boolean isWordBreak(char c) {
        return c == ' ' || c == '-';
    }

    /**
     * The entities of the groups, most salient first. A mention at or after {@code titleStart} is in the title,
     * which the text grouped holds after the body ({@link EntityTagger}); its offsets become the title's. An
     * entity's salience is its share of the text's weight: one per mention, up to one more the earlier its first
     * mention in the body (one for a title mention), and two if the title names it.
     *
     * @param length the body's length
     * @param titleStart where the title starts in the text grouped; {@code Integer.MAX_VALUE} if it holds none
     */
    static List<Enrichment.Entity> entities(String title, int length, int titleStart, List<Group> groups) {
        double[] weights = new double[groups.size()];
        double total = 0;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            String name = name(group);
            FoundName first = group.mentions.get(0);
            boolean inTitle = group.mentions.get(group.mentions.size() - 1).start >= titleStart;
            weights[g] = group.mentions.size()
                    + (first.start >= titleStart ? 1.0 : length == 0 ? 0 : 1.0 - (double) first.start / length)
                    + (inTitle || title != null && title.contains(name) ? 2.0 : 0.0);
            total += weights[g];
        }
        List<Enrichment.Entity> entities = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            KnowledgeBase.Entry entry = group.entry;
            EntityType type = entry != null ? entry.type() : majorityType(group);
            List<Enrichment.Mention> mentions = new ArrayList<>();
            List<Enrichment.Mention> titleMentions = new ArrayList<>();
            for (FoundName m : group.mentions) {
                if (m.start >= titleStart) {
                    titleMentions.add(new Enrichment.Mention(m.start - titleStart, m.end - titleStart, m.text));
                } else {
                    mentions.add(new Enrichment.Mention(m.start, m.end, m.text));
                }
            }
            String wikipedia = entry == null ? title(group) : entry.wikipedia();
            entities.add(new Enrichment.Entity(name(group), type, entry == null ? null : entry.id(),
                    entry == null ? List.of() : entry.extraIds(), wikipedia, entry == null && wikipedia != null,
                    mentions, titleMentions, weights[g] / total, confidence(group)));
        }
        entities.sort(Comparator.comparingDouble(Enrichment.Entity::salience).reversed());
        return entities;
    }

    private static final Pattern JOINED_INITIALS = Pattern.compile(
            "\\b(\\p{Lu})\\.(?=(?:\\p{Lu}\\.)+ \\p{Lu}\\p{Ll})");

    /**
     * The English Wikipedia title an entity the knowledge base does not hold would most likely have: its name
     * as the article gives it in full, in Wikipedia's form (first letter capital, initials spaced: "O. J.
     * Simpson", but "D.C." stays). A guess, never checked against Wikipedia: such an entity has no {@code id}.
     */
    static String guessedTitle(String name) {
        String title = name.indexOf('.') < 0 ? name : JOINED_INITIALS.matcher(name).replaceAll("$1. ");
        return title.isEmpty() ? title : title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
    }

    private static String title(Group group) {
        return group.mentions.stream().map(m -> m.title).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> guessedTitle(name(group)));
    }

    private static String name(Group group) {
        return group.entry != null ? group.entry.name() : group.longest.text;
    }

    private static EntityType majorityType(Group group) {
        Map<EntityType, Integer> votes = new LinkedHashMap<>();
        group.mentions.forEach(m -> votes.merge(m.type, 1, Integer::sum));
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Linked and unambiguous: high; otherwise the tagger's margin squashed into (0, 1). */
    private static double confidence(Group group) {
        if (group.entry != null) {
            return group.mentions.stream().anyMatch(m -> m.ambiguous) ? CONFIDENCE_AMBIGUOUS : CONFIDENCE_LINKED;
        }
        double margin = group.mentions.stream().mapToDouble(m -> m.margin).max().orElse(0);
        return Math.round(1000 * (1 - Math.exp(-Math.max(0, margin) / 5.0))) / 1000.0;
    }}
