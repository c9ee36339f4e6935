package dev.jgi.server.http;

import dev.jgi.server.log.AccessLog;
import dev.jgi.server.observe.ServerObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;

/**
 * The answers a connection gets before any exchange carries one: the head that never came (408
 * [JGI-LIM-4]), a request line or head over the limits (414 [JGI-LIM-1], 431 [JGI-LIM-2]), another
 * major version (505 [JGI-REQ-11]), and Undertow's own parser's 400. Each is counted and gets its
 * access-log line like any answered request.
 */
final class RawAnswers {

    private final ServerObserver observer;
    private final int maxRequestLine;
    private final int maxHead;
    private final int maxHeaderCount;
    /** Where the answers are logged, once the access log is open; null for none. */
    private volatile AccessLog accessLog;

    RawAnswers(ServerObserver observer, int maxRequestLine, int maxHead, int maxHeaderCount) {
        this.observer = observer;
        this.maxRequestLine = maxRequestLine;
        this.maxHead = maxHead;
        this.maxHeaderCount = maxHeaderCount;
    }

    void logTo(AccessLog log) {
        accessLog = log;
    }

    /** The client sent no request head in time. */
    void timedOut(StreamConnection connection, LingeringClose linger) {
        answerAndClose(connection, linger, 408, "Request Timeout", "[JGI-LIM-4] the request head was not sent in time");
    }

    /** The head scanner refused the request with {@code status}: 505, 414 or 431. */
    void refuse(StreamConnection connection, LingeringClose linger, int status) {
        if (status == 505) {
            answerAndClose(
                    connection,
                    linger,
                    505,
                    "HTTP Version Not Supported",
                    "[JGI-REQ-11] the request's major HTTP version is not 1");
        } else if (status == 414) {
            answerAndClose(
                    connection,
                    linger,
                    414,
                    "URI Too Long",
                    "[JGI-LIM-1] the request line is longer than " + maxRequestLine + " bytes");
        } else {
            answerAndClose(
                    connection,
                    linger,
                    431,
                    "Request Header Fields Too Large",
                    "[JGI-LIM-2] the request head has more than " + maxHeaderCount + " fields or " + maxHead
                            + " bytes");
        }
    }

    /** Undertow's parser answered 400 on {@code connection}, with {@code bytes} bytes. */
    void parserRefused(StreamConnection connection, long bytes) {
        observer.serverAnswered(400);
        log(connection, 400, bytes);
    }

    /**
     * Answers on the raw connection, before Undertow started any response, then closes it lingering,
     * so that the client reads the answer instead of a reset.
     */
    private void answerAndClose(
            StreamConnection connection, LingeringClose linger, int status, String phrase, String reason) {
        observer.serverAnswered(status);
        byte[] body = (status + " " + phrase + ": " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 " + status + " " + phrase
                        + "\r\nconnection: close\r\ncontent-type: text/plain; charset=utf-8\r\n" + "content-length: "
                        + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        log(connection, status, head.length + body.length);
        try {
            connection.getSinkChannel().write(new ByteBuffer[] {ByteBuffer.wrap(head), ByteBuffer.wrap(body)});
        } catch (IOException gone) {
            IoUtils.safeClose(connection);
            return;
        }
        linger.closeAfterRawAnswer(connection);
    }

    /**
     * The access-log line of an answer no exchange carried: the head was refused or never came, so
     * the method and target are unknown ("-"); the request id is a fresh one, as for any request.
     */
    private void log(StreamConnection connection, int status, long bytes) {
        AccessLog log = accessLog;
        if (log == null) {
            return;
        }
        String client = connection.getPeerAddress() instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress()
                : "-";
        log.log(new AccessLog.Entry(client, "-", "-", "HTTP/1.1", status, bytes, null, null, 0, RequestIds.next()));
    }
}
