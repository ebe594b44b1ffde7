package io.newsflow.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash of an article, the one definition producers and the job share: {@code sha256:} + hex
 * SHA-256 of {@code title + "\n" + body} (an absent title counts as empty). Equal hashes mean a re-send;
 * the same id with another hash means an update.
 */
public final class ContentHash {

    private ContentHash() {}

    public static String of(String title, String body) {
        return "sha256:" + sha256Hex((title == null ? "" : title) + "\n" + body);
    }

    /** Hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
