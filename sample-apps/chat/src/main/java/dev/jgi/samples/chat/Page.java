package dev.jgi.samples.chat;

import dev.jgi.api.Channel;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import java.util.concurrent.CompletionStage;

/** The room's HTML page; the behaviour lives in the jar's static {@code js/chat.js}. */
final class Page {

    private Page() {}

    static CompletionStage<Void> send(Channel channel, Request request, String room, boolean webSocket) {
        boolean forceSse = request.target().query().orElse("").matches("(.*&)?transport=sse(&.*)?");
        String transport = webSocket && !forceSse ? "websocket" : "sse";
        String base = request.target().mountPath() + "/rooms/" + room;
        String html = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>#%1$s · JGI chat</title>
                  <link rel="stylesheet" href="/static/css/chat.css">
                  <script src="/static/js/chat.js" defer></script>
                </head>
                <body data-room="%1$s" data-base="%2$s" data-transport="%3$s">
                  <header><h1>#%1$s</h1><span id="status">connecting…</span></header>
                  <ol id="messages" aria-live="polite"></ol>
                  <form id="send" autocomplete="off">
                    <input id="name" placeholder="your name" maxlength="40" required>
                    <input id="text" placeholder="say something" maxlength="1000" required>
                    <button type="submit">Send</button>
                  </form>
                </body>
                </html>
                """.formatted(room, base, transport);
        return Replies.send(
                channel,
                200,
                Headers.of(
                        "content-type",
                        "text/html; charset=utf-8",
                        "content-security-policy",
                        "default-src 'self'; connect-src 'self' ws: wss:"),
                html);
    }
}
