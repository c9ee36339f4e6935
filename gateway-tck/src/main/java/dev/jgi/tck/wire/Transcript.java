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
    /** The bytes of the stretch still being received or sent, kept growable so that appending costs what it adds. */
    private final ByteArrayOutputStream open = new ByteArrayOutputStream();

    private int openConnection;
    private boolean openSent;
    private int connections;

    synchronized int newConnection() {
        return ++connections;
    }

    synchronized void record(int connection, boolean sent, byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        if (open.size() > 0 && (openConnection != connection || openSent != sent)) {
            closeStretch();
        }
        openConnection = connection;
        openSent = sent;
        open.write(bytes, offset, length);
    }

    private void closeStretch() {
        if (open.size() > 0) {
            entries.add(new Entry(openConnection, openSent, open.toByteArray()));
            open.reset();
        }
    }

    /** Records a request or response of a client that is not a raw connection, as text. */
    public synchronized void note(boolean sent, String text) {
        closeStretch();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        entries.add(new Entry(0, sent, bytes));
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty() && open.size() == 0;
    }

    /** The whole transcript, bytes escaped so that CR, LF and binary octets stay visible. */
    public synchronized String render(int limitPerEntry) {
        List<Entry> all = new ArrayList<>(entries);
        if (open.size() > 0) {
            all.add(new Entry(openConnection, openSent, open.toByteArray()));
        }
        StringBuilder out = new StringBuilder();
        for (Entry entry : all) {
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
