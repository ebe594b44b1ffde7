package io.newsflow.processing.enrich;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product names as news writes them: a product line, then its model number and edition ("Galaxy S24 Ultra",
 * "AirPods Pro 2", "Apple Watch Series 10", "Llama 3.1"), or a maker and its model's code ("Airbus A321XLR",
 * "Boeing's 777X"). The tagger and the knowledge base find the line or the maker ("Galaxy S24", "AirPods", "Airbus");
 * these rules take the mention on to the end of the model's name, and the link stays with the line's entry, which is
 * where Wikipedia covers its models. {@link EntityTagger} runs them in the order they stand here.
 */
final class ProductNames {

    private ProductNames() {}

    /** Words that name a model's edition after its line or number. */
    private static final Set<String> EDITIONS = Set.of("Pro", "Max", "MAX", "Ultra", "Plus", "Mini", "mini", "Lite",
            "Slim", "SE", "XL", "XS", "Air", "OLED", "Turbo", "Super", "Ti", "EV", "Hybrid", "Edition", "Flash", "Nano",
            "Opus", "Sonnet", "Haiku");

    /**
     * What may follow a product's name and still be its name: a version or variant attached to a number ("3" +
     * ".1", "A350" + "-1000", "777" + "-300ER"), or, after a space, an edition word ("GPT-4o" + "mini", "RTX 4080" + "Super"),
     * "Series" and a number or the Xbox's letter ("Xbox Series" + "S"), a number of one to three digits (with a
     * letter: "S24", "5G"), a capitalised word and a number of up to four digits, not a year, where the name has none
     * yet ("Galaxy" + "Watch 7", "GeForce" + "RTX 5080"), a model code of digits and capitals ("Ryzen 7" +
     * "9800X3D"), or, once the name has a number, a generation in Roman numerals ("Sony A7" + "IV", "EOS R5" + "Mark
     * II"), a language model's size in billions of weights ("Llama 3.1" + "405B"), a trim's code after the number
     * ("Porsche 911" + "GT3", "EliteBook 840" + "G11") or a variant's number after an edition ("737 MAX" + "10").
     */
    private static final Pattern MODEL_PART = Pattern.compile("(?:(?<=\\d)(?:[.-]\\d+)+(?:[A-Z]{1,3}(?![a-z]))?"
            + "|(?<series>(?<=\\bSeries) [SX]| Series (?:\\d{1,3}|[SX]))"
            + "| (?:(?<generation>(?:Mark )?(?:VIII|VII|VI|V|IV|III|II)\\b|\\d{1,3}B)"
            + "|(?<trim>[A-Z]{2,3}\\d{1,2})|(?<edition>[A-Z][A-Za-z]*|mini)|(?<code>\\d{3,5}[A-Z][A-Z0-9]*)"
            + "|(?<number>[A-Z]?\\d{1,3}(?:\\.\\d+)*[A-Za-z]?)))"
            + "(?!\\w|[.,:-]\\w)");

    /**
     * Edition words that, ending a name the tagger took for an organisation, make it a product ("Mac Mini", "Kindle
     * Pro"); "SE", "Air" and "Plus" end the names of companies and airlines too ("Siemens SE", "Korean Air").
     */
    private static final Set<String> MAKERS_EDITIONS = Set.of("Pro", "Max", "Ultra", "Mini", "Lite", "Slim", "XL",
            "XS", "OLED", "Turbo");

    /** Up to three capitalised words and a number or code: a maker's model after the maker or its possessive. */
    private static final Pattern LINE_MODEL = Pattern.compile("(?:(?<words>(?:[A-Z]|[a-z][A-Z])[A-Za-z]*"
            + "(?: [A-Z][A-Za-z]*){0,2}) )?(?<model>\\d{1,4}[A-Za-z]?|[A-Z][A-Za-z]*\\d[A-Za-z0-9]*)"
            + "(?![\\w-]|[.,]\\w)");

    /** An article or a possessive pronoun right before a maker's name, which makes a number after it a model's. */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her", "our", "my",
            "your");

    /** Capitalised words that number things no maker sells (dates too: {@link NameRules#isDateWord}). */
    private static final Set<String> NUMBERED_NOUNS = Set.of("Flight", "Route", "Highway", "Interstate", "Terminal",
            "Gate", "Building", "Platform", "Channel", "Level", "Phase", "Stage", "Round", "Week", "Day", "Year",
            "Chapter", "Section", "Article", "Title", "Amendment", "Category", "Class", "Division", "Group", "Part",
            "Episode", "Season", "Volume", "Issue", "Number", "No", "Game", "Match", "Quarter", "Fund", "Unit", "Block",
            "Room", "Floor", "Line", "Pier", "Store", "Plant", "Factory", "Reactor", "Lab", "Studio", "Hangar", "Bay",
            "Berth", "Track", "Runway", "Dock", "Lot", "Tier", "Grade", "Step", "Q", "Formula", "Bill", "Resolution",
            "Form", "Schedule", "Proposition", "Prop", "Order", "Act", "Mission", "Launch", "Test");

    /** A year, which a number after a maker or a line's word names rather than a model ("Apple's 2024 results"). */
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");

    /**
     * Words for the kinds of thing a model code names ("XC90 SUVs", "A220 jets", "H200 chips"); not "plane" or
     * "airliner", which news puts after a flight's number more often than after a model's ("the MH17 plane"), nor
     * "engine", which follows a layout as often ("V8 engines").
     */
    private static final Set<String> PRODUCT_NOUNS = Set.of("car", "cars", "SUV", "SUVs", "sedan", "sedans", "truck",
            "trucks", "pickup", "pickups", "jet", "jets", "jetliner", "jetliners", "aircraft", "helicopter",
            "helicopters", "drone", "drones", "rocket", "rockets", "missile", "missiles", "fighter", "fighters",
            "bomber", "bombers", "tank", "tanks", "chip", "chips", "processor", "processors", "GPU", "GPUs",
            "accelerator", "accelerators", "phone", "phones", "smartphone", "smartphones", "handset", "handsets",
            "laptop", "laptops", "tablet", "tablets", "headphones", "earbuds", "camera", "cameras", "console",
            "consoles", "printer", "printers", "smartwatch", "smartwatches", "locomotive", "locomotives", "satellite",
            "satellites");

    /** Words for aircraft, which follow flights' numbers too. */
    private static final Set<String> AIRCRAFT_NOUNS = Set.of("jet", "jets", "jetliner", "jetliners", "aircraft");

    /** A flight's number: an airline's two-letter code and up to four digits ("MH370", "ET302"). */
    private static final Pattern FLIGHT_NUMBER = Pattern.compile("[A-Z]{2}\\d{1,4}");

    /** A number after a capitalised word in a model's name, up to four digits ("Watch 7", "RTX 5080", "Tab S9"). */
    private static final Pattern LINE_NUMBER =
            Pattern.compile(" (?<digits>[A-Z]?\\d{1,4})(?:\\.\\d+)*[A-Za-z]?(?!\\w|[.,:-]\\w)");

    /** A number is not a model's when it counts something ("ChatGPT 3 days ago", "iPhone 2 years on"). */
    private static final Pattern COUNTED = Pattern.compile(" (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
            + "times?|percent|per|million|billion|thousand|hundred|more|fewer|less)\\b");

    /**
     * A model code: letters and digits mixed ("A321XLR", "EV9", "R2", "777X", "WH-1000XM6", "ID.4"), or capitals
     * joined by a hyphen ("CR-V"); the code ends where no letter, digit or joining mark goes on.
     */
    private static final Pattern MODEL_CODE = Pattern.compile("(?:(?=[\\w.-]*\\d)(?=[\\w.-]*[A-Z])[A-Za-z0-9]+"
            + "(?:[.-][A-Za-z0-9]+)*|[A-Z]{1,3}-[A-Z]{1,3})(?![\\w-]|[.,]\\w)");

    /** A model code in lower case: a letter or two and a number ("e-208", "o1", "i5"; a version, "v4", is none). */
    private static final Pattern LOWER_CASE_CODE = Pattern.compile("[a-z]{1,2}-?\\d{1,4}[A-Za-z]?(?![\\w-]|[.,]\\w)");

    /**
     * Codes that name no model: a quarter or half of a year, a fiscal year, a racing series, a resolution or a network
     * generation, a filing, an ordinal, a gas, a visa, an age group, a version, a measure ("Q3", "FY25", "F1", "4K",
     * "5G", "3D", "10-K", "3rd", "CO2", "H-1B", "U21", "v4", "200MP", "16GB", "800V", "4WD"); so is a code whose first
     * part is one ("5G-enabled").
     */
    private static final Pattern NOT_A_MODEL = Pattern.compile("(?:Q[1-4]|H[12]|FY\\d+|F[1-4]|\\d[KGD]|\\d+-[KQ]"
            + "|\\d+(?:st|nd|rd|th)|CO2|NO2|SO2|PM\\d+(?:\\.\\d+)?|H-\\d[A-Z]|U-?\\d\\ds?|v\\d+"
            + "|\\d+(?:\\.\\d+)?(?:[KMGT]B|MP|V|W|kW|kWh|mAh|[KMG]?Hz|L|WD|x|mm|cm|km|kg|p))(?:-.*)?");

    /**
     * A capitalised word, a number and an edition word name a model wherever no other name stands there ("Pixel 9
     * Pro XL", "Mate 60 Pro", "Mavic 3 Pro") in mid-sentence, unless a capitalised word follows, which makes it part
     * of some other name ("65 Air Division"). A name found that ends with the word, not a person's, is the model's
     * line or maker, and the model takes its place ("Xiaomi" + "15 Ultra", "DJI Mini" + "4 Pro").
     */
    static void addModelNames(String body, List<FoundName> found) {
        for (int i = body.indexOf(' '); i >= 0 && i + 1 < body.length(); i = body.indexOf(' ', i + 1)) {
            int digits = i + 1;
            int numberEnd = digits;
            while (numberEnd < body.length() && numberEnd - digits < 4 && Character.isDigit(body.charAt(numberEnd))) {
                numberEnd++;
            }
            if (numberEnd == digits || numberEnd - digits > 3 || numberEnd + 1 >= body.length()
                    || body.charAt(numberEnd) != ' ') {
                continue;
            }
            int editionEnd = numberEnd;
            while (editionEnd + 1 < body.length() && body.charAt(editionEnd) == ' '
                    && EDITIONS.contains(wordAt(body, editionEnd))) {
                editionEnd = NameRules.lettersEnd(body, editionEnd + 1);
            }
            int lineStart = NameRules.lettersStart(body, i);
            if (editionEnd == numberEnd || lineStart == i || !Character.isUpperCase(body.charAt(lineStart))
                    || !NameRules.midSentence(body, lineStart) || NameRules.capitalisedWordAt(body, editionEnd)) {
                continue;
            }
            int end = editionEnd;
            FoundName line = null;
            boolean free = true;
            for (FoundName f : found) {
                if (f.start < end && lineStart < f.end) {
                    boolean isLine = f.end == i && f.start <= lineStart && f.type != EntityType.PERSON;
                    line = isLine ? f : line;
                    free &= isLine;
                }
            }
            if (free) {
                int start = line == null ? lineStart : line.start;
                FoundName model = new FoundName(start, end, body.substring(start, end), EntityType.PRODUCT, 1.0);
                if (line == null) {
                    found.add(model);
                } else {
                    found.set(found.indexOf(line), model);
                }
            }
        }
    }

    /**
     * A maker's name and a model code right after it name the maker's model ("Airbus A321XLR", "Kia EV9", "Honda
     * CR-V", "DeepSeek-R1"); after the maker's possessive, the code alone does ("Boeing's 777X", its title guessed
     * with the maker's name), and so do words and a number ({@link #addLineModel}). A maker is a name the knowledge
     * base holds as an organisation (among whatever else it holds it as), or the tagger took for one where the
     * knowledge base does not hold it. Such a name is a model itself when it ends in a code beginning with a letter
     * ("EOS R5"; a radio station's "882 6PR" stays one) or an edition word follows or ends it ("Steam Deck" + "OLED",
     * "Mac Mini"; not "Air", "Plus" or "SE": "Canal Plus"). The maker's own mention, where the knowledge base knows
     * it, comes back as a name nested in the model's ({@link Linker#addNestedNames}).
     *
     * @param makesProducts whether the knowledge base holds products under a maker's name ({@link
     *     Linker#makesProducts})
     */
    static void addMakersModels(String body, List<FoundName> found, Function<String, Set<EntityType>> knownTypes,
            Predicate<String> makesProducts) {
        Matcher code = MODEL_CODE.matcher(body);
        Matcher lowerCode = LOWER_CASE_CODE.matcher(body);
        for (FoundName f : List.copyOf(found)) {
            if (!found.contains(f)) {
                continue; // replaced by a model found after an earlier maker
            }
            Set<EntityType> knownAs = f.entry != null ? Set.of(f.entry.type()) : knownTypes.apply(f.text);
            boolean known = !knownAs.isEmpty();
            if (!(known ? knownAs.contains(EntityType.ORGANIZATION) : f.type == EntityType.ORGANIZATION)) {
                continue;
            }
            int lastWord = f.text.lastIndexOf(' ') + 1;
            if (lastWord > 0 && !known && Character.isLetter(f.text.charAt(lastWord))
                    && isCode(code, body, f.start + lastWord, f.end)) {
                f.type = EntityType.PRODUCT;
                continue;
            }
            boolean edition = MAKERS_EDITIONS.contains(wordAt(body, f.end))
                    || lastWord > 0 && MAKERS_EDITIONS.contains(f.text.substring(lastWord));
            if (!known && edition) {
                f.type = EntityType.PRODUCT;
                continue;
            }
            boolean possessive = body.startsWith("'s ", f.end) || body.startsWith("\u2019s ", f.end);
            int at = possessive ? f.end + 3 : f.end + 1;
            if (at >= body.length() || !possessive && body.charAt(f.end) != ' ' && body.charAt(f.end) != '-') {
                continue;
            }
            int end = codeEnd(code, lowerCode, body, at);
            if (end < 0) {
                if (possessive || body.charAt(f.end) == ' ') {
                    int firstSpace = f.text.indexOf(' ');
                    boolean knownMaker = known || firstSpace > 0
                            && knownTypes.apply(f.text.substring(0, firstSpace)).contains(EntityType.ORGANIZATION);
                    addLineModel(body, found, f, at, possessive, knownMaker, makesProducts.test(f.text));
                }
                continue;
            }
            int start = possessive ? at : f.start;
            if (found.stream().anyMatch(other -> other != f && other.start < end && start < other.end)) {
                continue;
            }
            FoundName model = new FoundName(start, end, body.substring(start, end), EntityType.PRODUCT, f.margin);
            if (possessive) {
                model.title = EntityGroups.guessedTitle(f.text + " " + model.text);
                found.add(model);
            } else {
                found.set(found.indexOf(f), model);
            }
        }
    }

    /**
     * After a maker or its possessive, one to three capitalised words and a number or a code name one of its models
     * ("Dell's Latitude 7450", "HP's EliteBook 840", "the Garmin Forerunner 265"), unless the words name something
     * numbered that no maker sells ("Boeing's Flight 1282", "Apple's Building 4", "Ferrari Formula 1"), the number
     * counts something or is a year, or the words are a date ("Hamas's October 7"). The maker's name is part of the
     * model's where no possessive stands between. A number right after the maker is its model only where the
     * knowledge base holds the maker (or the first word of its name: "Sony" of "Sony Xperia"), an article or a
     * possessive pronoun stands before it and no capitalised word follows ("a Polestar 4", "the Sony Xperia 1"; not
     * "Arsenal 3 Chelsea 1", nor "the FTSE 100", which the knowledge base does not hold). After a maker the knowledge
     * base holds products of under its name, a number of three digits needs no article ("its last Boeing 757").
     * Names the tagger found among the words go; a product found there stays as it is.
     */
    private static void addLineModel(String body, List<FoundName> found, FoundName maker, int at, boolean possessive,
            boolean knownMaker, boolean makesProducts) {
        Matcher model = LINE_MODEL.matcher(body).region(at, body.length());
        if (!model.lookingAt() || NOT_A_MODEL.matcher(model.group("model")).matches()
                || YEAR.matcher(model.group("model")).matches()
                || COUNTED.matcher(body).region(model.end(), body.length()).lookingAt()) {
            return;
        }
        String words = model.group("words");
        boolean refused;
        if (words == null) {
            refused = possessive || !knownMaker || !Character.isDigit(model.group("model").charAt(0))
                    || !(makesProducts && model.group("model").matches("\\d{3}")
                            || determinerBefore(body, maker.start))
                    || NameRules.capitalisedWordAt(body, modelEnd(body, model.end(), true));
        } else {
            int space = words.indexOf(' ');
            refused = numbers(space < 0 ? words : words.substring(0, space))
                    || numbers(words.substring(words.lastIndexOf(' ') + 1));
        }
        if (refused) {
            return;
        }
        int start = possessive ? at : maker.start;
        int end = model.end();
        for (FoundName other : found) {
            if (other != maker && other.start < end && at < other.end
                    && (other.start < at || other.end > end || other.type == EntityType.PRODUCT)) {
                return;
            }
        }
        found.removeIf(other -> at <= other.start && other.end <= end);
        FoundName product = new FoundName(start, end, body.substring(start, end), EntityType.PRODUCT, 1.0);
        if (possessive) {
            found.add(product);
        } else {
            found.set(found.indexOf(maker), product);
        }
    }

    /** A model's name after its maker's: a capitalised word ("Civic", "Airwrap"), not a code. */
    private static final Pattern MODEL_WORD = Pattern.compile("[A-Z][a-z]{2,}");

    /**
     * Words that after a maker's or a product's name name a part of the company, a place or a person in it, something
     * it runs or publishes, or a prize or an event named for it, not one of its models ("Toyota Motor", "Apple Park",
     * "IBM Fellow", "Space Shuttle Program", "Linux News", "Samsung Unpacked"); places' last words ({@link
     * NameRules#isPlaceHead}) too.
     */
    private static final Set<String> NOT_MODEL_WORDS = Set.of(
            // parts of a company, and what it calls itself
            "Motor", "Motors", "Group", "Holdings", "Inc", "Corp", "Ltd", "Co", "Electronics", "Financial", "Finance",
            "Credit", "Capital", "Energy", "Research", "Labs", "Lab", "Laboratories", "Studios", "Pictures", "Records",
            "Entertainment", "Media", "Networks", "Technologies", "Technology", "Systems", "Solutions", "Services",
            "Industries", "International", "Global", "Ventures", "Partners", "Securities", "Insurance", "Airlines",
            "Airways", "Logistics", "Motorsport", "Racing", "Team", "Retail", "Health", "Healthcare", "Pharma",
            "Pharmaceuticals", "Therapeutics", "Biologics", "Semiconductor", "Semiconductors", "Chemicals", "Steel",
            "Aerospace", "Defense", "Defence", "Aviation", "Automotive", "Mobility", "Communications", "Telecom",
            "Mobile", "Display", "Foundry", "Software", "Games", "Gaming", "Interactive", "Digital", "Consumer",
            "Enterprise", "Business", "Foundation", "Administration", "Union", "Publishing", "Publications",
            // what it runs or publishes
            "Program", "Programme", "Project", "Initiative", "News", "Magazine", "Journal", "Times", "Post", "Daily",
            "Weekly", "Radio", "Television", "Blog", "Watch",
            // places
            "Center", "Centre", "Museum", "Arena", "Field", "Park", "Plaza", "Campus",
            "Headquarters", "Store", "Stores", "Factory", "Gigafactory", "Plant", "Works", "Hall", "Theatre", "Theater",
            "World", "Land", "City", "County", "Village", "Canada", "Europe", "America", "Americas", "Asia", "Africa",
            "Japan", "China", "India", "Korea",
            // people
            "Workers", "Fans", "Officials", "Executives", "Engineers", "Employees", "Staff", "Shareholders",
            "Investors", "Founder", "Fellow", "Member", "Man", "Woman", "Poet", "Star", "Legend", "Hero", "Fan", "Boy",
            "Girl", "Guy", "Kid", "Family", "People", "Nation",
            // prizes, events and pictures
            "Award", "Awards", "Prize", "Cup", "Classic", "Championship", "Trophy", "Day", "Week", "Summit",
            "Conference", "Photo", "Build", "Ignite", "Unpacked", "Connect", "Next", "Event", "Keynote", "Expo",
            "Forum", "Festival", "Show", "Hackathon", "Challenge");

    /**
     * A maker's name and a capitalised word after it name one of its models where the tagger found the maker alone
     * and not the word, with no capitalised word after it but an edition's ("the Toyota Venza is", "Google Home",
     * "Ford Explorer" + "EV"). The maker is one the knowledge base holds products of under its name ({@link
     * Linker#makesProducts}: "Toyota Camry"), for most organisations' names before a capitalised word name no model
     * ("IBM Fellow", "Vanguard Award", "AP Photo"); the word is no name the knowledge base holds, no word for a part,
     * place or person of a company ({@link #NOT_MODEL_WORDS}), a role, a title or a date, and numbers nothing. Where
     * the tagger found the two as one name, of no person, it is a model if such a maker and such a word make it
     * ("Google Analytics"), or if it ends in a model code after any maker ("Apple M5", which it took for a place);
     * other organisations' names and a word are organisations' names more often ("Celtic Frost", "Labour
     * Students"). A name it took for a person's is a model if the knowledge base holds its first word as a product's
     * only and an edition word ends it ("Claude Sonnet", "HBO Max"). Not in a Title Case line, where every word has
     * a capital ("Google Fined by EU").
     */
    static void addNamedModels(String body, List<FoundName> found, Function<String, Set<EntityType>> knownTypes,
            Predicate<String> makesProducts) {
        Matcher code = MODEL_CODE.matcher(body);
        for (FoundName f : List.copyOf(found)) {
            if (f.type == EntityType.PRODUCT || f.entry != null || !found.contains(f)) {
                continue;
            }
            int space = f.text.indexOf(' ');
            String maker = space > 0 ? f.text.substring(0, space) : f.text;
            int end = f.end;
            boolean model;
            if (f.type == EntityType.PERSON) {
                model = space > 0 && EDITIONS.contains(f.text.substring(space + 1))
                        && knownTypes.apply(maker).equals(Set.of(EntityType.PRODUCT));
            } else if (space > 0) {
                model = f.text.indexOf(' ', space + 1) < 0 && knownTypes.apply(f.text).isEmpty()
                        && (isCode(code, body, f.start + space + 1, f.end) || makesProducts.test(maker)
                                && modelWordAt(body, List.of(), f.start + space + 1, f.end, knownTypes));
            } else {
                int wordStart = f.end + 1;
                end = NameRules.lettersEnd(body, Math.min(wordStart, body.length()));
                model = wordStart < body.length() && body.charAt(f.end) == ' ' && makesProducts.test(maker)
                        && modelWordAt(body, found, wordStart, end, knownTypes);
            }
            if (model && !NameRules.inTitleCaseLine(body, f.start)) {
                makeModel(found, f, end, body, knownTypes, maker);
            }
        }
    }

    /** The name found becomes a model's name that ends at {@code end}, if its first word is a maker's name. */
    private static void makeModel(List<FoundName> found, FoundName f, int end, String body,
            Function<String, Set<EntityType>> knownTypes, String maker) {
        Set<EntityType> makerTypes = knownTypes.apply(maker);
        if (makerTypes.contains(EntityType.ORGANIZATION) || makerTypes.contains(EntityType.PRODUCT)) {
            found.set(found.indexOf(f), new FoundName(f.start, end, body.substring(f.start, end), EntityType.PRODUCT,
                    Math.max(f.margin, 1.0)));
        }
    }

    /**
     * A word with a capital inside it, as brands write their names ("OnePlus", "PlayStation", "iPhone"); a word with
     * only its first letter capitalised numbers charts, lotteries and missions as often as models ("the Billboard
     * 200", "the Pick 5 winner", "his Apollo 9 flight").
     */
    private static final Pattern BRAND_WORD = Pattern.compile("[A-Z]?[a-z]+[A-Z][A-Za-z]*");

    /** Words that may stand between an article and a model's name ("the new PlayStation 6"). */
    private static final Set<String> MODEL_ADJECTIVES = Set.of("new", "latest", "upcoming", "original", "next", "last",
            "older", "newer", "cheaper", "base", "first", "second", "third");

    /** A model's number after a brand's word, up to four digits and a letter ("13", "3S"). */
    private static final Pattern BRAND_NUMBER = Pattern.compile("\\d{1,4}[A-Za-z]?(?![\\w%-]|[.,]\\d)");

    /**
     * A brand's word ({@link #BRAND_WORD}) and a number after an article or a possessive pronoun, maybe with a word
     * such as "new" between, name a model where no name stands there ("its OnePlus 13", "the new PlayStation 6", "an
     * iPhone 17"), unless the knowledge base holds the word as anything but a product (a company: "the JetBlue 737"),
     * the number is a year or counts something ("the iPhone 2 years on"), or a capitalised word other than an
     * edition's follows. Not in a Title Case line.
     */
    static void addNumberedLines(String body, List<FoundName> found, Function<String, Set<EntityType>> knownTypes) {
        Matcher brand = BRAND_WORD.matcher(body);
        Matcher number = BRAND_NUMBER.matcher(body);
        Matcher year = YEAR.matcher(body);
        Matcher counted = COUNTED.matcher(body);
        for (int space = body.indexOf(' '); space > 0 && space + 1 < body.length(); space = body.indexOf(' ',
                space + 1)) {
            if (!Character.isDigit(body.charAt(space + 1))) {
                continue;
            }
            int start = NameRules.lettersStart(body, space);
            if (start == space || !brand.region(start, space).matches()
                    || !number.region(space + 1, body.length()).lookingAt() || !articleBefore(body, start)) {
                continue;
            }
            int end = number.end();
            Set<EntityType> known = knownTypes.apply(body.substring(start, space));
            if (!known.isEmpty() && !known.equals(Set.of(EntityType.PRODUCT))
                    || year.region(space + 1, end).matches()
                    || counted.region(end, body.length()).lookingAt()
                    || NameRules.capitalisedWordAt(body, end) && !EDITIONS.contains(wordAt(body, end))
                    || found.stream().anyMatch(f -> f.start < end && start < f.end)
                    || NameRules.inTitleCaseLine(body, start)) {
                continue;
            }
            found.add(new FoundName(start, end, body.substring(start, end), EntityType.PRODUCT, 1.0));
        }
    }

    /** Whether an article or a possessive pronoun stands before {@code at}, maybe with a word such as "new" between. */
    private static boolean articleBefore(String body, int at) {
        if (determinerBefore(body, at)) {
            return true;
        }
        int start = NameRules.wordBefore(body, at);
        return start >= 0 && MODEL_ADJECTIVES.contains(body.substring(start, at - 1)) && determinerBefore(body, start);
    }

    /**
     * A model code with a digit before a word for the kind of thing it is ("70,000 XC90 SUVs", "A220 jets", "H200
     * chips"), where no other name stands; not a flight's number before an aircraft's word ("the MH370 jet").
     */
    static void addCodesBeforeProductNouns(String body, List<FoundName> found) {
        Matcher code = MODEL_CODE.matcher(body);
        for (int start = 0, space; (space = body.indexOf(' ', start)) >= 0; start = space + 1) {
            int noun = space + 1;
            if (space - start < 3 || !hasDigit(body, start, space)) {
                continue;
            }
            String kind = body.substring(noun, NameRules.lettersEnd(body, noun));
            if (!PRODUCT_NOUNS.contains(kind) || !code.region(start, body.length()).lookingAt() || code.end() != space
                    || NOT_A_MODEL.matcher(code.group()).matches()
                    || AIRCRAFT_NOUNS.contains(kind) && FLIGHT_NUMBER.matcher(code.group()).matches()) {
                continue;
            }
            int from = start;
            int to = space;
            if (found.stream().noneMatch(f -> f.start < to && from < f.end)) {
                found.add(new FoundName(start, space, code.group(), EntityType.PRODUCT, 1.0));
            }
        }
    }

    /** Whether an article or a possessive pronoun and a space stand right before {@code at}. */
    private static boolean determinerBefore(String body, int at) {
        int start = NameRules.wordBefore(body, at);
        return start >= 0 && at - 1 - start <= 5
                && DETERMINERS.contains(body.substring(start, at - 1).toLowerCase(Locale.ROOT));
    }

    /** The word after the space at {@code at}; empty if no space stands there. */
    private static String wordAt(String body, int at) {
        return at + 1 < body.length() && body.charAt(at) == ' '
                ? body.substring(at + 1, NameRules.lettersEnd(body, at + 1)) : "";
    }

    /** Whether a capitalised word numbers something no maker sells, a date among them. */
    private static boolean numbers(String word) {
        return NUMBERED_NOUNS.contains(word) || NameRules.isDateWord(word);
    }

    /**
     * Where the model code at {@code at} ends, a code in lower case too, since after a maker's name one means a
     * model ("Peugeot e-208", "OpenAI's o1"); -1 if none stands there.
     */
    private static int codeEnd(Matcher code, Matcher lowerCode, String body, int at) {
        if (code.region(at, body.length()).lookingAt() && !NOT_A_MODEL.matcher(code.group()).matches()) {
            return code.end();
        }
        return lowerCode.region(at, body.length()).lookingAt() && !NOT_A_MODEL.matcher(lowerCode.group()).matches()
                ? lowerCode.end() : -1;
    }

    private static boolean isCode(Matcher code, String body, int start, int end) {
        return code.region(start, body.length()).lookingAt() && code.end() == end
                && !NOT_A_MODEL.matcher(code.group()).matches();
    }

    /**
     * A product and a capitalised word right after it that no one found name one of the product's own products or
     * editions ("Kindle" + "Scribe", "ChatGPT" + "Atlas", "Nvidia DGX" + "Spark"), linked as the product is, unless
     * a capitalised word other than an edition's follows, or the word is one {@link #addNamedModels} would not take
     * after a maker: a name the knowledge base holds, a word for a part, place or person of a company, a role, a
     * title or a date, or one that numbers something. Not in a Title Case line.
     */
    static void addLineWords(String body, List<FoundName> found, Function<String, Set<EntityType>> knownTypes) {
        for (FoundName f : List.copyOf(found)) {
            int wordStart = f.end + 1;
            if (f.linkedType() != EntityType.PRODUCT || wordStart >= body.length() || body.charAt(f.end) != ' '
                    || !found.contains(f)) {
                continue;
            }
            int wordEnd = NameRules.lettersEnd(body, wordStart);
            if (modelWordAt(body, found, wordStart, wordEnd, knownTypes) && !NameRules.inTitleCaseLine(body, f.start)) {
                found.set(found.indexOf(f), f.spanning(f.start, wordEnd, body));
            }
        }
    }

    /**
     * Whether the word from {@code wordStart} to {@code wordEnd} can be a model's name after its maker's or its line's:
     * a capitalised word that is a whole word, no name found or known, no word for a part, place or person of a
     * company, no role, title or date, numbering nothing, and followed by no capitalised word but an edition's.
     */
    private static boolean modelWordAt(String body, List<FoundName> found, int wordStart, int wordEnd,
            Function<String, Set<EntityType>> knownTypes) {
        if (wordEnd - wordStart < 3 || !Character.isUpperCase(body.charAt(wordStart))) {
            return false;
        }
        String word = body.substring(wordStart, wordEnd);
        boolean wordGoesOn = wordEnd < body.length()
                && (Character.isLetterOrDigit(body.charAt(wordEnd)) || body.charAt(wordEnd) == '-');
        boolean abbreviation = body.startsWith(".", wordEnd) && NameRules.isRoleOrTitle(word + ".");
        boolean nameGoesOn = NameRules.capitalisedWordAt(body, wordEnd) && !EDITIONS.contains(wordAt(body, wordEnd));
        return MODEL_WORD.matcher(word).matches() && !wordGoesOn && !abbreviation && !nameGoesOn
                && !NOT_MODEL_WORDS.contains(word) && !NameRules.isPlaceHead(word) && !numbers(word)
                && !NameRules.isRoleOrTitle(word)
                && knownTypes.apply(word).isEmpty()
                && found.stream().noneMatch(other -> other.start < wordEnd && wordStart < other.end);
    }

    /**
     * A product mention (the knowledge base's type wins over the tagger's, as it will for the entity) goes on
     * through the model parts right after it ({@link #MODEL_PART}): edition words, "Series N", a number where its
     * name has none yet ("AirPods" + "Pro 2"), a version attached to its number ("Llama 3" + ".1"). It stops at
     * any other word, before a number that counts something, and where another name reaches into the parts.
     */
    static void extendModels(String body, List<FoundName> found) {
        for (FoundName f : List.copyOf(found)) {
            if (f.linkedType() != EntityType.PRODUCT || !found.contains(f)) {
                continue;
            }
            int end = modelEnd(body, f.end, hasDigit(f.text));
            if (end > f.end && !crossed(found, f, end)) {
                int from = f.end;
                found.removeIf(other -> other != f && from <= other.start && other.end <= end);
                found.set(found.indexOf(f), f.spanning(f.start, end, body));
            }
        }
    }

    /**
     * A maker's one-word name and a product after it are one product's name ("Redmi" + "Note 13 Pro", "Google" +
     * "Pixel 9"), linked as the product is; not after a longer organisation's name, which operates the product more
     * often than it makes it ("Alaska Airlines" + "Boeing 737 Max 9", "US Air Force" + "F-35").
     */
    static void joinMakers(String body, List<FoundName> found) {
        Map<Integer, FoundName> makers = new HashMap<>(); // one-word organisations by where they end
        for (FoundName f : found) {
            if (f.text.indexOf(' ') < 0 && f.linkedType() == EntityType.ORGANIZATION) {
                makers.putIfAbsent(f.end, f);
            }
        }
        if (makers.isEmpty()) {
            return;
        }
        Map<FoundName, FoundName> joined = new IdentityHashMap<>(); // a product -> it and its maker as one name
        Set<FoundName> joinedMakers = Collections.newSetFromMap(new IdentityHashMap<>());
        for (FoundName product : found) {
            FoundName maker = makers.get(product.start - 1);
            if (product.linkedType() == EntityType.PRODUCT && maker != null && body.charAt(maker.end) == ' ') {
                makers.remove(maker.end);
                joinedMakers.add(maker);
                joined.put(product, product.spanning(maker.start, product.end, body));
            }
        }
        found.replaceAll(f -> joined.getOrDefault(f, f));
        found.removeAll(joinedMakers);
    }

    /**
     * A product the knowledge base does not know by its whole name is linked to its line when it knows that: the
     * name with model parts cut from its end ("AirPods Pro 2" is an "AirPods", "Pixel 9 Pro XL" a "Pixel"), the
     * longest such line first, and only to a product entry.
     */
    static void linkToLines(List<FoundName> found, Linker linker) {
        for (FoundName f : found) {
            if (f.entry != null || f.type != EntityType.PRODUCT) {
                continue;
            }
            String name = f.text;
            for (int cut = name.length() - 1; cut > 0 && f.entry == null; cut--) {
                char c = name.charAt(cut);
                boolean partStarts = c == ' ' || (c == '.' || c == '-') && Character.isDigit(name.charAt(cut - 1));
                if (partStarts && modelEnd(name, cut, hasDigit(name.substring(0, cut))) == name.length()) {
                    List<KnowledgeBase.Entry> entries = linker.candidates(name.substring(0, cut));
                    if (entries != null) {
                        entries.stream().filter(e -> e.type() == EntityType.PRODUCT).findFirst().ifPresent(e -> {
                            f.entry = e;
                            f.ambiguous = entries.size() > 1;
                        });
                    }
                }
            }
        }
    }

    /**
     * Where the model parts after {@code at} end ({@code at} itself if there are none). A name has one number; after
     * it may come only a trim's code ("911" + "GT3"), and after an edition word a variant's number of one or two
     * digits ("737 MAX" + "10").
     */
    private static int modelEnd(String body, int at, boolean numbered) {
        Matcher part = MODEL_PART.matcher(body).useTransparentBounds(true);
        Matcher lineNumber = LINE_NUMBER.matcher(body).useTransparentBounds(true);
        Matcher counted = COUNTED.matcher(body);
        int end = at;
        boolean afterNumber = at > 0 && Character.isDigit(body.charAt(at - 1));
        boolean afterEdition = EDITIONS.contains(body.substring(NameRules.lettersStart(body, at), at));
        while (part.region(end, body.length()).lookingAt()) {
            String edition = part.group("edition");
            String number = part.group("number");
            String trim = part.group("trim") != null ? part.group("trim")
                    : number != null && Character.isLetter(number.charAt(0)) ? number : null;
            if (edition != null && !EDITIONS.contains(edition)) {
                if (numbered || numbers(edition) || !lineNumber.region(part.end(), body.length()).lookingAt()
                        || YEAR.matcher(lineNumber.group("digits")).matches()
                        || counted.region(lineNumber.end(), body.length()).lookingAt()) {
                    break;
                }
                numbered = true;
                afterNumber = true;
                afterEdition = false;
                end = lineNumber.end();
                continue;
            }
            boolean trimmed = afterNumber && trim != null && !NOT_A_MODEL.matcher(trim).matches();
            boolean variant = afterEdition && number != null && number.matches("\\d{1,2}");
            if (part.group("trim") != null && !trimmed
                    || part.group("generation") != null && !numbered
                    || part.group("code") != null && NOT_A_MODEL.matcher(part.group("code")).matches()
                    || number != null && (numbered && !trimmed && !variant
                            || counted.region(part.end(), body.length()).lookingAt())) {
                break;
            }
            numbered |= number != null || part.group("code") != null || part.group("series") != null;
            afterNumber = number != null && !trimmed;
            afterEdition = edition != null;
            end = part.end();
        }
        return end;
    }

    /**
     * Whether another name reaches into the model parts from outside them. A name wholly inside them is a piece of
     * the model's name the tagger took for a name of its own ("iPhone 16" + "Pro Max", a person), and goes.
     */
    private static boolean crossed(List<FoundName> found, FoundName f, int end) {
        for (FoundName other : found) {
            if (other != f && other.start < end && f.end < other.end && (other.start < f.end || other.end > end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String text) {
        return hasDigit(text, 0, text.length());
    }

    private static boolean hasDigit(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
