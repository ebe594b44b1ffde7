package io.newsflow.app.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlDocumentsTest {

    private final List<JsonlDocuments.Document> documents = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private void read(byte[] bytes) {
        JsonlDocuments.read(new ByteArrayInputStream(bytes), new ObjectMapper(), documents::add,
                (line, reason) -> errors.add(line + ": " + reason));
    }

    private void read(String text) {
        read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            out.writeBytes(part.getBytes(StandardCharsets.ISO_8859_1)); // one char, one byte: any byte can be written
        }
        return out.toByteArray();
    }

    @Test
    void aLineThatIsNotUtf8IsReportedByItsNumberAndTheOthersAreRead() {
        read(concat("{\"id\": \"a\", \"text\": \"one\"}\n",
                "{\"id\": \"b\", \"text\": \"two\"}\n",
                "{\"id\": \"c\", \"text\": \"caf\u00e9\"}\n", // the raw byte 0xE9, as Latin-1 writes é
                "{\"id\": \"d\", \"text\": \"four\"}\n",
                "{\"id\": \"e\", \"text\": \"five\"}\n"));

        assertThat(errors).containsExactly("3: not valid UTF-8 (byte 0xE9 at offset 24 of the line)");
        assertThat(documents).extracting(JsonlDocuments.Document::id).containsExactly("a", "b", "d", "e");
        assertThat(documents).extracting(JsonlDocuments.Document::line).containsExactly(1, 2, 4, 5);
    }

    @Test
    void aBadByteFarIntoTheInputSpoilsItsOwnLineOnly() {
        String longLine = "{\"id\": \"long\", \"text\": \"" + "word ".repeat(5000) + "\"}\n";
        read(concat(longLine, longLine, "{\"id\": \"bad\", \"text\": \"\u00ff\"}\n", longLine));

        assertThat(errors).containsExactly("3: not valid UTF-8 (byte 0xFF at offset 23 of the line)");
        assertThat(documents).extracting(JsonlDocuments.Document::line).containsExactly(1, 2, 4);
    }

    @Test
    void multiByteCharactersCrlfAndALastLineWithoutNewlineAreRead() {
        read("{\"id\": \"a\", \"text\": \"Zoë in Malmö \u2014 \uD83D\uDE80\"}\r\n\r\n{\"id\": \"b\", \"text\": \"end\"}");

        assertThat(errors).isEmpty();
        assertThat(documents).extracting(JsonlDocuments.Document::text)
                .containsExactly("Zoë in Malmö \u2014 \uD83D\uDE80", "end");
        assertThat(documents).extracting(JsonlDocuments.Document::line).containsExactly(1, 3);
    }
}
