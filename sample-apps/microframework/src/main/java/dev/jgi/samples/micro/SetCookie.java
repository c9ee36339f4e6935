package dev.jgi.samples.micro;

import dev.jgi.api.Response;
import java.time.Duration;
import java.util.Optional;

/**
 * A {@code Set-Cookie} response field. Defaults are the safe ones: {@code HttpOnly},
 * {@code SameSite=Lax}, path {@code /}.
 *
 * @param name     cookie name
 * @param value    cookie value, already in cookie-octet form (for example base64url)
 * @param path     the Path attribute
 * @param maxAge   Max-Age; empty for a browser-session cookie, zero to delete
 * @param httpOnly hide from scripts
 * @param secure   send over HTTPS only
 * @param sameSite Strict, Lax or None
 */
public record SetCookie(
        String name,
        String value,
        String path,
        Optional<Duration> maxAge,
        boolean httpOnly,
        boolean secure,
        String sameSite) {

    public SetCookie {
        if (!name.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
            throw new IllegalArgumentException("not a cookie name: " + name);
        }
        if (!value.matches("[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]*")) {
            throw new IllegalArgumentException("cookie value needs encoding first: " + name);
        }
    }

    public static SetCookie of(String name, String value) {
        return new SetCookie(name, value, "/", Optional.empty(), true, false, "Lax");
    }

    /** A cookie that makes the browser forget {@code name}. */
    public static SetCookie deletion(String name, String path) {
        return new SetCookie(name, "", path, Optional.of(Duration.ZERO), true, false, "Lax");
    }

    public SetCookie withPath(String newPath) {
        return new SetCookie(name, value, newPath, maxAge, httpOnly, secure, sameSite);
    }

    public SetCookie withMaxAge(Duration age) {
        return new SetCookie(name, value, path, Optional.of(age), httpOnly, secure, sameSite);
    }

    public SetCookie withSecure(boolean newSecure) {
        return new SetCookie(name, value, path, maxAge, httpOnly, newSecure, sameSite);
    }

    public String headerValue() {
        StringBuilder out = new StringBuilder(name)
                .append('=')
                .append(value)
                .append("; Path=")
                .append(path);
        maxAge.ifPresent(age -> out.append("; Max-Age=").append(age.toSeconds()));
        if (httpOnly) {
            out.append("; HttpOnly");
        }
        if (secure) {
            out.append("; Secure");
        }
        return out.append("; SameSite=").append(sameSite).toString();
    }

    /** {@code response} with this cookie added. */
    public Response addTo(Response response) {
        return response.plusHeader("set-cookie", headerValue());
    }
}
