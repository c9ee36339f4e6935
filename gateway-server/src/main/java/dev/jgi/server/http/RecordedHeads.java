package dev.jgi.server.http;

import java.util.ArrayDeque;

/**
 * The heads a {@link HeadScanner} recorded that no request has taken yet, oldest first. A client
 * that does not pipeline has at most one, which needs no queue: the queue is made for the second.
 * Used on the connection's I/O thread only.
 */
final class RecordedHeads {

    private HeadInfo first;
    private ArrayDeque<HeadInfo> later;

    boolean isEmpty() {
        return first == null;
    }

    void add(HeadInfo head) {
        if (first == null) {
            first = head;
            return;
        }
        if (later == null) {
            later = new ArrayDeque<>(2);
        }
        later.add(head);
    }

    /** The oldest head, removed, or null when there is none. */
    HeadInfo poll() {
        HeadInfo taken = first;
        first = later == null ? null : later.poll();
        return taken;
    }

    void clear() {
        first = null;
        later = null;
    }
}
