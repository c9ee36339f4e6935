package dev.jgi.samples.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** The chat rooms: who listens in each, and the last {@value #HISTORY} messages of each. */
final class Rooms {

    static final int HISTORY = 50;

    private record Room(Set<Consumer<String>> listeners, Deque<String> history) {}

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    /** Adds a listener; it first receives the room's recent history. */
    void join(String room, Consumer<String> listener) {
        Room r = room(room);
        synchronized (r) {
            r.history().forEach(listener);
            r.listeners().add(listener);
        }
    }

    void leave(String room, Consumer<String> listener) {
        room(room).listeners().remove(listener);
    }

    void publish(Message message) {
        String json = message.toJson();
        Room r = room(message.room());
        synchronized (r) {
            r.history().addLast(json);
            if (r.history().size() > HISTORY) {
                r.history().removeFirst();
            }
            r.listeners().forEach(listener -> listener.accept(json));
        }
    }

    int listeners(String room) {
        return room(room).listeners().size();
    }

    List<String> history(String room) {
        Room r = room(room);
        synchronized (r) {
            return List.copyOf(r.history());
        }
    }

    private Room room(String name) {
        return rooms.computeIfAbsent(name, n -> new Room(new CopyOnWriteArraySet<>(), new ArrayDeque<>()));
    }
}
