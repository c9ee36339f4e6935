package dev.jgi.jaxrs;

import dev.jgi.api.Headers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.glassfish.jersey.server.ContainerResponse;

/** Jersey's response status and headers as a JGI response head. */
final class ResponseHead {

    /** Fields the server owns [JGI-RESP-4]: Jersey never sets them, an application may try. */
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade");

    private ResponseHead() {}

    /**
     * The header fields of {@code response}, in Jersey's order, without hop-by-hop fields; with
     * {@code content-length} when Jersey knows the entity's length and the response has a body
     * [JGI-FRAME-2].
     *
     * @throws IllegalArgumentException for a field JGI refuses [JGI-HDR-3]
     */
    static Headers headers(ContainerResponse response, long contentLength, boolean head) {
        Headers.Builder fields = Headers.builder();
        for (Map.Entry<String, List<String>> field : response.getStringHeaders().entrySet()) {
            if (!HOP_BY_HOP.contains(field.getKey().toLowerCase(Locale.ROOT))) {
                field.getValue().forEach(value -> fields.add(field.getKey(), value));
            }
        }
        Headers built = fields.build();
        int status = response.getStatus();
        boolean bodiless = head || status == 204 || status == 304 || status < 200;
        if (contentLength >= 0 && !bodiless && !built.contains("content-length")) {
            built = built.plus("content-length", Long.toString(contentLength));
        }
        return built;
    }
}
