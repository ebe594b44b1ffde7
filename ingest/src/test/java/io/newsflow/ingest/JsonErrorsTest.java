package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {

    private static String reasonFor(String json) {
        return JsonErrors.reason(catchThrowableOfType(JsonProcessingException.class, () -> new ObjectMapper().readTree(json)));
    }

    @Test
    void aLocationInTheMessageKeepsItsColumnAndLosesJacksonsSourceDescription() {
        assertThat(reasonFor("{\"id\": \"x\", \"tags\": [1, 2"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Array (start marker at column 21)");
    }

    @Test
    void pastTheFirstLineTheLocationKeepsItsLine() {
        assertThat(reasonFor("{\n  \"tags\": [1, 2\n"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Array (start marker at line 2, column 11)");
    }

    @Test
    void aStrictReaderRefusesTextAfterTheValueAndSaysWhere() {
        ObjectMapper mapper = new ObjectMapper();
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> JsonErrors.strict(mapper).readTree("{\"id\": \"a\"} {\"id\": \"b\"}"));

        assertThat(JsonErrors.reason(e)).isEqualTo("more after the JSON value, at column 13");
    }

    @Test
    void aMessageWithoutALocationIsJacksonsOwn() {
        assertThat(reasonFor("{\"a\" 1}"))
                .isEqualTo("Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value");
    }
}
