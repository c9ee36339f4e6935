package dev.jgi.tck.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes one test sent and received, per connection and in order, kept as evidence for the
 * report when the test fails. Thread-safe: a test may drive several connections at once.
 */
public final class Transcript {

    /** One stretch of bytes in one direction on one connection. */
    public record Entry(int connection, boolean sent, byte[] bytes) {}

    private final List<Entry> entries = new ArrayList<>();
    private int connections;

    synchronized int newConnection() {
        return ++connections;
    }

    synchronized void record(int connection, boolean sent, byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        Entry last = entries.isEmpty() ? null : entries.getLast();
        if (last != null && last.connection() == connection && last.sent() == sent) {
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            joined.writeBytes(last.bytes());
            joined.write(bytes, offset, length);
            entries.set(entries.size() - 1, new Entry(connection, sent, joined.toByteArray()));
        } else {
            byte[] copy = new byte[length];
            System.arraycopy(bytes, offset, copy, 0, length);
            entries.add(new Entry(connection, sent, copy));
        }
    }

    /** Records a request or response of a client that is not a raw connection, as text. */
    public synchronized void note(boolean sent, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        entries.add(new Entry(0, sent, bytes));
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The whole transcript, bytes escaped so that CR, LF and binary octets stay visible. */
    public synchronized String render(int limitPerEntry) {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            out.append(entry.sent() ? ">>> " : "<<< ")
                    .append(entry.connection() == 0 ? "client" : "connection " + entry.connection())
                    .append(" (")
                    .append(entry.bytes().length)
                    .append(" bytes)\n")
                    .append(escape(entry.bytes(), limitPerEntry))
                    .append('\n');
        }
        return out.toString();
    }

    /** ISO-8859-1 text with CR, LF and non-printable octets written as escapes; LF also breaks the line. */
    public static String escape(byte[] bytes, int limit) {
        StringBuilder out = new StringBuilder();
        int n = Math.min(bytes.length, limit);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            switch (b) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n\n");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (b < 0x20 || b >= 0x7F) {
                        out.append(String.format("\\x%02X", b));
                    } else {
                        out.append((char) b);
                    }
                }
            }
        }
        if (bytes.length > limit) {
            out.append("… (").append(bytes.length - limit).append(" more bytes)");
        }
        return out.toString();
    }
}
