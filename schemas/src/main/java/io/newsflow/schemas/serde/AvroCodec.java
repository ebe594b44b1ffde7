package io.newsflow.schemas.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one record type in Avro single-object encoding: {@code C3 01}, the writer schema's
 * 8-byte CRC-64-AVRO fingerprint (little endian), then the Avro binary body. No schema registry is needed:
 * the decoder knows the current schema and every earlier version kept under
 * {@code io/newsflow/schemas/history/<Record>/v<N>.avsc}, and resolves old writers to the current reader.
 *
 * <p>This is the wire format of every Newsflow topic. Instances are thread-safe.
 */
public final class AvroCodec<T extends SpecificRecord> {

    /** The two marker bytes that open every single-object encoded message. */
    public static final byte[] MAGIC = {(byte) 0xC3, (byte) 0x01};

    private static final int HEADER_LENGTH = 10;

    private final Class<T> type;
    private final Schema schema;
    private final List<Schema> history;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    private AvroCodec(Class<T> type) {
        this.type = type;
        // The generated class's own model knows its logical types (timestamps as java.time.Instant).
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.history = loadHistory(schema);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema);
        history.forEach(decoder::addSchema);
    }

    /** A codec for a generated record class, e.g. {@code AvroCodec.of(Article.class)}. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
        return new AvroCodec<>(Objects.requireNonNull(type, "type"));
    }

    public Schema schema() {
        return schema;
    }

    /** Earlier versions of the schema, oldest first (the current one included when it is released). */
    public List<Schema> history() {
        return history;
    }

    public byte[] encode(T record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + type.getSimpleName(), e);
        }
    }

    /**
     * Decodes one message.
     *
     * @throws AvroDecodeException with a reason a person can act on: not single-object encoded, a schema
     *     fingerprint that is not a known version of this record, or a truncated or corrupt body
     */
    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw new AvroDecodeException("value is null (tombstone)");
        }
        if (bytes.length == 0) {
            throw new AvroDecodeException("value is empty (0 bytes)");
        }
        if (bytes.length < HEADER_LENGTH || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1]) {
            throw new AvroDecodeException("not Avro single-object encoding: expected header C3 01, got "
                    + preview(bytes) + " (" + bytes.length + " bytes)");
        }
        try {
            return decoder.decode(bytes);
        } catch (MissingSchemaException e) {
            throw new AvroDecodeException("unknown schema fingerprint " + fingerprintOf(bytes)
                    + ": not a known version of " + type.getSimpleName(), e);
        } catch (BadHeaderException e) {
            throw new AvroDecodeException("bad single-object header: " + e.getMessage(), e);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause(); // "Decoding datum failed" says less than the EOFException under it
            }
            throw new AvroDecodeException("truncated or corrupt " + type.getSimpleName() + " body ("
                    + bytes.length + " bytes): " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()), e);
        }
    }

    /** The fingerprint of the current schema as 16 hex digits, the form used in error messages. */
    public String fingerprint() {
        byte[] le = new byte[8];
        long fp = SchemaNormalization.parsingFingerprint64(schema);
        for (int i = 0; i < 8; i++) {
            le[i] = (byte) (fp >>> (8 * i));
        }
        return HexFormat.of().formatHex(le);
    }

    private static String fingerprintOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes, 2, HEADER_LENGTH);
    }

    private static String preview(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, 0, Math.min(4, bytes.length));
    }

    private static List<Schema> loadHistory(Schema current) {
        List<Schema> versions = new ArrayList<>();
        String folder = "/io/newsflow/schemas/history/" + current.getName() + "/";
        for (int version = 1; ; version++) {
            try (InputStream in = AvroCodec.class.getResourceAsStream(folder + "v" + version + ".avsc")) {
                if (in == null) {
                    return List.copyOf(versions);
                }
                versions.add(new Schema.Parser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema history " + folder + "v" + version, e);
            }
        }
    }
}
