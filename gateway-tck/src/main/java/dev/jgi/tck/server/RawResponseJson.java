package dev.jgi.tck.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgi.tck.Probe;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A probe route's JSON answer. */
record RawResponseJson(JsonNode json) {

    static RawResponseJson of(Probe probe, String route) {
        var response = probe.exchange(probe.head("GET", probe.path(route)));
        try {
            return new RawResponseJson(new ObjectMapper().readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
