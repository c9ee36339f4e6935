package dev.jgi.tck.probe;

import dev.jgi.api.ServerInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a probe remembers between requests: the server's {@link ServerInfo}, lifespan calls, the
 * events of completion hooks and disconnects (read back by a later request), and the gates of
 * blocking requests.
 */
final class ProbeState {

    /** The state key whose value proves that requests carry the lifespan state [JGI-LIFE-4]. */
    static final String TOKEN_KEY = "dev.jgi.tck.token";

    private final String token = UUID.randomUUID().toString();
    private final AtomicReference<ServerInfo> serverInfo = new AtomicReference<>();
    private final AtomicReference<Map<String, Object>> startState = new AtomicReference<>();
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger stops = new AtomicInteger();
    private final Map<String, List<String>> log = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();

    Map<String, Object> started(ServerInfo info) {
        serverInfo.set(info);
        starts.incrementAndGet();
        Map<String, Object> state = Map.of(TOKEN_KEY, token);
        startState.set(state);
        return state;
    }

    void stopped() {
        stops.incrementAndGet();
    }

    boolean carriesToken(Map<String, Object> state) {
        return token.equals(state.get(TOKEN_KEY));
    }

    /** Whether {@code state} is the very map {@link #started} returned, not a copy [JGI-REQ-7]. */
    boolean isStartState(Map<String, Object> state) {
        return state == startState.get();
    }

    Optional<ServerInfo> serverInfo() {
        return Optional.ofNullable(serverInfo.get());
    }

    int starts() {
        return starts.get();
    }

    int stops() {
        return stops.get();
    }

    void record(String key, String event) {
        log.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(event);
    }

    List<String> events(String key) {
        return List.copyOf(log.getOrDefault(key, List.of()));
    }

    CompletableFuture<Void> gate(String key) {
        return gates.computeIfAbsent(key, k -> new CompletableFuture<>());
    }
}
