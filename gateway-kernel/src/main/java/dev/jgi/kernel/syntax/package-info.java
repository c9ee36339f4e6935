/**
 * The character classes of HTTP's grammar, ASCII only, written once for every server: DIGIT and
 * ALPHA (RFC 5234), tchar (RFC 9110 §5.6.2), and the decimal of a {@code content-length}.
 */
package dev.jgi.kernel.syntax;
