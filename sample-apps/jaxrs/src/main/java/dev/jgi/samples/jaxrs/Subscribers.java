package dev.jgi.samples.jaxrs;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The open live feeds. A closed sink is dropped on the next look, whoever closed it. */
final class Subscribers {

    private final List<SseEventSink> sinks = new CopyOnWriteArrayList<>();

    void add(SseEventSink sink) {
        sinks.add(sink);
    }

    int open() {
        sinks.removeIf(SseEventSink::isClosed);
        return sinks.size();
    }

    void broadcast(OutboundSseEvent event) {
        sinks.removeIf(SseEventSink::isClosed);
        sinks.forEach(sink -> sink.send(event));
    }
}
