package dev.jgi.tck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the probe reported it received for one request: the JSON of its echo route, typed. */
public record Echo(JsonNode json) {

    public String nonce() {
        return text("nonce");
    }

    public String variant() {
        return text("variant");
    }

    public String method() {
        return text("method");
    }

    public String scheme() {
        return text("scheme");
    }

    public String version() {
        return text("version");
    }

    public String raw() {
        return text("raw");
    }

    public String rawPath() {
        return text("rawPath");
    }

    public String mountPath() {
        return text("mountPath");
    }

    public String path() {
        return text("path");
    }

    /** The query, absent when the target had no {@code ?}. */
    public Optional<String> query() {
        return json.path("query").isNull() ? Optional.empty() : Optional.of(text("query"));
    }

    /** The header fields in order, as [name, value] pairs. */
    public List<List<String>> headers() {
        List<List<String>> out = new ArrayList<>();
        json.path("headers")
                .forEach(f -> out.add(List.of(f.get(0).asText(), f.get(1).asText())));
        return out;
    }

    /** The values of the fields whose name is exactly {@code name}, in order. */
    public List<String> header(String name) {
        return headers().stream()
                .filter(f -> f.get(0).equals(name))
                .map(f -> f.get(1))
                .toList();
    }

    public String client() {
        return text("client");
    }

    public String server() {
        return text("server");
    }

    public boolean tls() {
        return json.path("tls").asBoolean();
    }

    /** The negotiated TLS protocol, empty without TLS [JGI-TLS-2]. */
    public Optional<String> tlsProtocol() {
        return optional("tlsProtocol");
    }

    /** The negotiated cipher suite, empty without TLS [JGI-TLS-2]. */
    public Optional<String> tlsCipherSuite() {
        return optional("tlsCipherSuite");
    }

    /** The SNI host name the client sent, empty without one. */
    public Optional<String> tlsServerName() {
        return optional("tlsServerName");
    }

    /** The SHA-256 of each certificate the client presented, lower-case hex, in chain order [JGI-TLS-2]. */
    public List<String> tlsPeerCertificates() {
        List<String> out = new ArrayList<>();
        json.path("tlsPeerCertificates").forEach(c -> out.add(c.asText()));
        return out;
    }

    private Optional<String> optional(String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    public String kind() {
        return text("kind");
    }

    /** The names of the capabilities the request held [JGI-CAP-6]. */
    public List<String> capabilities() {
        List<String> names = new ArrayList<>();
        json.path("capabilities").forEach(c -> names.add(c.asText()));
        return names;
    }

    public boolean stateCarried() {
        return json.path("stateCarried").asBoolean();
    }

    /** Whether the request's state was the very map start returned, not an equal copy [JGI-REQ-7]. */
    public boolean stateIsStartMap() {
        return json.path("stateIsStartMap").asBoolean();
    }

    /** How many attributes the request carried [JGI-REQ-13]. */
    public int attributes() {
        return json.path("attributes").asInt(-1);
    }

    public long bodyLength() {
        return json.path("bodyLength").asLong();
    }

    public String bodySha256() {
        return text("bodySha256");
    }

    /** The first 256 body octets, one char each. */
    public String bodyHead() {
        return text("bodyHead");
    }

    /** How reading the body failed, if it did. */
    public Optional<String> bodyError() {
        return json.path("bodyError").isNull() ? Optional.empty() : Optional.of(text("bodyError"));
    }

    private String text(String field) {
        JsonNode node = json.path(field);
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
