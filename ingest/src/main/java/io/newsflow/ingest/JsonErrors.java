package io.newsflow.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's reason why a text is not valid JSON, fit to show after the input's name. Jackson writes a location into
 * some of its messages ("expected close marker for Object (start marker at [Source: REDACTED
 * (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 5])"); that becomes "column 5" (or
 * "line 3, column 5" past the first line), since the caller names the input itself. Text after the value, which
 * {@link #strict} readers refuse, is "more after the JSON value, at column 42".
 */
public final class JsonErrors {

    private static final Pattern LOCATION = Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");
    private static final Pattern SOURCE = Pattern.compile(" ?\\[Source: [^\\]]*]");

    private JsonErrors() {}

    /**
     * A reader of one JSON value that refuses text after it: '{"id": "a", "body": "…"} garbage' is not an article
     * with garbage left unread.
     */
    public static ObjectReader strict(ObjectMapper mapper) {
        return mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The exception's own message, its locations without Jackson's description of the source. */
    public static String reason(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        if (e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")
                && at != null) {
            return "more after the JSON value, at " + (at.getLineNr() > 1 ? "line " + at.getLineNr() + ", " : "")
                    + "column " + at.getColumnNr();
        }
        Matcher location = LOCATION.matcher(Objects.toString(e.getOriginalMessage(), e.getClass().getSimpleName()));
        StringBuilder reason = new StringBuilder();
        while (location.find()) {
            String column = "column " + location.group(2);
            location.appendReplacement(reason, "1".equals(location.group(1)) ? column
                    : "line " + location.group(1) + ", " + column);
        }
        location.appendTail(reason);
        return SOURCE.matcher(reason).replaceAll("");
    }
}
