package dev.jgi.samples.chat;

import dev.jgi.api.Action;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Capability;
import dev.jgi.api.Channel;
import dev.jgi.api.Headers;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chat rooms on the async interface, the jar's {@code JGI-App}:
 * <ul>
 *   <li>{@code GET /rooms/NAME}: the page; its script talks WebSocket when the server offers it,
 *       else (or with {@code ?transport=sse}) server-sent events plus POSTs;</li>
 *   <li>{@code /rooms/NAME/ws}: the WebSocket, JSON messages {@code {"name","text"}} both ways;</li>
 *   <li>{@code GET /rooms/NAME/events}: the same messages as a {@code text/event-stream};</li>
 *   <li>{@code POST /rooms/NAME/messages}: send one message, JSON body.</li>
 * </ul>
 * Requests from pages of another origin are refused (a WebSocket does not obey the same-origin
 * policy by itself).
 */
public final class Chat implements AsyncApplication {

    private static final Pattern ROUTE = Pattern.compile("/rooms/([a-z0-9-]{1,40})(/ws|/events|/messages)?");
    private static final int MAX_MESSAGE_BYTES = 8 * 1024;

    private final Rooms rooms = new Rooms();
    private final Duration heartbeatInterval;
    private volatile boolean webSocket;
    private volatile Heartbeat heartbeat;

    /** The chat as the server loads it; {@code CHAT_HEARTBEAT_SECONDS} (default 15) paces the SSE keep-alive. */
    public Chat() {
        this(Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("CHAT_HEARTBEAT_SECONDS", "15"))));
    }

    /** @param heartbeatInterval how often event streams get a comment, which also finds clients that left */
    public Chat(Duration heartbeatInterval) {
        if (heartbeatInterval.toMillis() < 1) {
            throw new IllegalArgumentException("the heartbeat interval must be positive: " + heartbeatInterval);
        }
        this.heartbeatInterval = heartbeatInterval;
    }

    @Override
    public Map<String, Object> start(ServerInfo server) {
        webSocket = server.supports(Capability.WEBSOCKET);
        heartbeat = new Heartbeat(heartbeatInterval);
        return Map.of();
    }

    @Override
    public void stop() {
        heartbeat.close();
    }

    /** How many clients listen in {@code room} right now. */
    public int listeners(String room) {
        return rooms.listeners(room);
    }

    @Override
    public CompletionStage<Void> handle(Request request, Channel channel) {
        String path = request.path().isEmpty() ? "/" : request.path();
        Matcher route = ROUTE.matcher(path);
        boolean isSocket = request.kind() == Request.Kind.WEBSOCKET;
        if (!sameOrigin(request)) {
            return isSocket
                    ? deny(channel, 403, "cross-origin request refused")
                    : Replies.text(channel, 403, "cross-origin request refused");
        }
        if (path.equals("/") && !isSocket) {
            return channel.send(new Action.ResponseStart(
                            302, Headers.of("location", request.target().mountPath() + "/rooms/lobby"), false))
                    .thenCompose(started -> channel.send(Action.ResponseBody.end()));
        }
        if (!route.matches()) {
            return isSocket ? deny(channel, 404, "no such room") : Replies.text(channel, 404, "not found");
        }
        String room = route.group(1);
        String action = Optional.ofNullable(route.group(2)).orElse("");
        if (isSocket) {
            return action.equals("/ws")
                    ? new ChatSocket(rooms, room, channel).run()
                    : deny(channel, 404, "not a WebSocket endpoint");
        }
        return switch (action + " " + request.method()) {
            case " GET", " HEAD" -> Page.send(channel, request, room, webSocket);
            case "/events GET" -> new EventStream(rooms, room, channel, heartbeat).run();
            case "/messages POST" -> post(room, channel);
            case "/ws GET" -> Replies.text(channel, 426, "this is a WebSocket endpoint");
            default ->
                Replies.send(
                        channel,
                        405,
                        Headers.of(
                                "allow",
                                action.equals("/messages") ? "POST" : "GET, HEAD",
                                "content-type",
                                "text/plain; charset=utf-8"),
                        "method not allowed\n");
        };
    }

    private CompletionStage<Void> post(String room, Channel channel) {
        return RequestBodies.read(channel, MAX_MESSAGE_BYTES)
                .thenCompose(body -> {
                    rooms.publish(Message.parse(room, body, System.currentTimeMillis()));
                    return Replies.empty(channel, 204);
                })
                .exceptionallyCompose(failure -> switch (failure.getCause() == null ? failure : failure.getCause()) {
                    case RequestBodies.TooLarge tooLarge ->
                        Replies.text(channel, 413, "a message is at most " + MAX_MESSAGE_BYTES + " bytes");
                    case IllegalArgumentException bad -> Replies.text(channel, 400, bad.getMessage());
                    default -> CompletableFuture.failedFuture(failure);
                });
    }

    /** No Origin (not a browser) or one whose host and port are this request's Host. */
    private static boolean sameOrigin(Request request) {
        Optional<String> origin = request.header("origin");
        if (origin.isEmpty()) {
            return true;
        }
        try {
            URI uri = URI.create(origin.get());
            String host = request.header("host").orElse("");
            int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
            String originHost = uri.getHost() + (host.contains(":") ? ":" + port : "");
            return host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }

    private static CompletionStage<Void> deny(Channel channel, int status, String reason) {
        return channel.receive()
                .thenCompose(connect -> channel.send(new Action.WebSocketDeny(
                        status,
                        Headers.of("content-type", "text/plain; charset=utf-8"),
                        ByteBuffer.wrap((reason + "\n").getBytes(StandardCharsets.UTF_8)))));
    }
}
