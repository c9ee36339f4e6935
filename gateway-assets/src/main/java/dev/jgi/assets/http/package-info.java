/**
 * HTTP semantics of static responses, free of any server API: byte ranges (RFC 9110 §14),
 * conditional requests (RFC 9110 §13), content-coding negotiation (RFC 9110 §12.5.3) and HTTP dates.
 * <p>Arguments are non-null unless stated; header values may be absent, which is passed as {@code null}
 * only where a parameter says so. All types are immutable and thread-safe.
 */
package dev.jgi.assets.http;
