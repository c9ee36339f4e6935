package dev.jgi.samples.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads of the files the jar ships under {@code files/}, whole or as one byte range
 * (RFC 9110 §14): {@code 206} with {@code content-range}, {@code 416} for a range past the end.
 */
@Path("files")
public class FilesResource {

    private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.[a-z]+");

    @GET
    @Path("{name}")
    public Response download(@PathParam("name") String name, @HeaderParam("range") String range) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new NotFoundException();
        }
        long size = size(name).orElseThrow(NotFoundException::new);
        Response.ResponseBuilder answer;
        long first = 0;
        long length = size;
        Matcher m = range == null ? null : ONE_RANGE.matcher(range.strip());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            // No range, or one this resource does not serve (several ranges): the whole file [RFC 9110 §14.2].
            answer = Response.ok();
        } else {
            if (m.group(1).isEmpty()) {
                length = Math.min(size, Long.parseLong(m.group(2)));
                first = size - length;
            } else {
                first = Long.parseLong(m.group(1));
                long last = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                if (first >= size || last < first) {
                    return Response.status(416)
                            .header("content-range", "bytes */" + size)
                            .build();
                }
                length = last - first + 1;
            }
            answer = Response.status(206)
                    .header("content-range", "bytes " + first + "-" + (first + length - 1) + "/" + size);
        }
        long from = first;
        long count = length;
        StreamingOutput body = out -> {
            try (InputStream in = open(name)) {
                in.skipNBytes(from);
                byte[] buffer = new byte[16 * 1024];
                for (long left = count; left > 0; ) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        throw new IOException("the file shrank: " + name);
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        };
        return answer.entity(body)
                .type(name.endsWith(".txt") ? "text/plain; charset=utf-8" : "application/octet-stream")
                .header("accept-ranges", "bytes")
                .header("content-length", length)
                .header("content-disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    private static Optional<Long> size(String name) throws IOException {
        try (InputStream in = FilesResource.class.getResourceAsStream("/files/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.transferTo(java.io.OutputStream.nullOutputStream()));
        }
    }

    private static InputStream open(String name) {
        InputStream in = FilesResource.class.getResourceAsStream("/files/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("gone: " + name));
        }
        return in;
    }
}
