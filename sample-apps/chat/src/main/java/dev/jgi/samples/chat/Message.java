package dev.jgi.samples.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One chat message, as JSON on the wire: {@code {"name":"Ada","text":"hi"}} from clients, with the
 * room and the server's time added when it is delivered.
 */
record Message(String room, String name, String text, long at) {

    static final int MAX_NAME = 40;
    static final int MAX_TEXT = 1000;
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private record Incoming(String name, String text) {}

    /**
     * A message from a client's JSON.
     *
     * @throws IllegalArgumentException for malformed JSON, a missing or over-long name or text
     */
    static Message parse(String room, String json, long now) {
        Incoming in;
        try {
            in = JSON.readValue(json, Incoming.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a message is JSON like {\"name\":\"Ada\",\"text\":\"hi\"}");
        }
        if (in == null
                || in.name() == null
                || in.text() == null
                || in.name().isBlank()
                || in.text().isBlank()) {
            throw new IllegalArgumentException("a message needs a name and a text");
        }
        if (in.name().length() > MAX_NAME || in.text().length() > MAX_TEXT) {
            throw new IllegalArgumentException("name up to " + MAX_NAME + " characters, text up to " + MAX_TEXT);
        }
        return new Message(room, in.name().strip(), in.text().strip(), now);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings always serialises", e);
        }
    }
}
