package dev.jgi.samples.micro;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies session cookie values: {@code base64url(payload) "." base64url(HMAC-SHA256)},
 * where the payload is the issue time in epoch seconds, a newline, and the values url-encoded.
 * The signature makes the cookie tamper-proof, not secret: never store secrets in a session.
 */
final class SessionCodec {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration maxAge;

    SessionCodec(byte[] secret, Duration maxAge) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("SECRET_KEY must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.maxAge = maxAge;
    }

    String encode(Map<String, String> values, Instant now) {
        StringBuilder payload = new StringBuilder().append(now.getEpochSecond()).append('\n');
        values.forEach(
                (k, v) -> payload.append(url(k)).append('=').append(url(v)).append('&'));
        byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** The values of a cookie whose signature is valid and which is not older than the max age. */
    Optional<Map<String, String>> decode(String cookie, Instant now) {
        int dot = cookie.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(cookie.substring(0, dot));
            signature = DECODER.decode(cookie.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        Instant issued = Instant.ofEpochSecond(Long.parseLong(text.substring(0, newline)));
        if (issued.plus(maxAge).isBefore(now)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.substring(newline + 1).split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.of(values);
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
