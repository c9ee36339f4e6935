package dev.jgi.tck.probe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What an application learned by reading a request body, accumulated piece by piece. */
final class BodyFacts {

    private final MessageDigest digest;
    private long length;
    private int pieces;
    private String error;
    private final StringBuilder head = new StringBuilder();

    BodyFacts() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    void add(byte[] bytes, int offset, int count) {
        if (count <= 0) {
            return;
        }
        digest.update(bytes, offset, count);
        length += count;
        pieces++;
        for (int i = offset; i < offset + count && head.length() < 256; i++) {
            head.append((char) (bytes[i] & 0xFF));
        }
    }

    void fail(Throwable failure) {
        error = failure.getClass().getName() + ": " + failure.getMessage();
    }

    void fail(String description) {
        error = description;
    }

    long length() {
        return length;
    }

    int pieces() {
        return pieces;
    }

    /** The SHA-256 of the bytes, hex; call once, at the end. */
    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The first 256 bytes, one char per octet. */
    String head() {
        return head.toString();
    }

    String error() {
        return error;
    }
}
