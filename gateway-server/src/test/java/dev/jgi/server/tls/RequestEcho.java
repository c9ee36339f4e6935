package dev.jgi.server.tls;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;

/** Answers with what it was told about the request, one {@code name=value} line each. */
public final class RequestEcho implements Application {

    @Override
    public Response handle(Request request, Exchange exchange) {
        long pseudo = request.headers().asList().stream()
                .filter(f -> f.name().startsWith(":"))
                .count();
        String tls = request.tls()
                .map(t -> t.protocol() + " " + t.cipherSuite() + " sni="
                        + t.serverName().orElse("-"))
                .orElse("none");
        String peer = request.tls()
                .filter(t -> !t.peerCertificates().isEmpty())
                .map(t -> ((java.security.cert.X509Certificate)
                                t.peerCertificates().getFirst())
                        .getSubjectX500Principal()
                        .getName())
                .orElse("-");
        return Response.text(
                200,
                String.join(
                        "\n",
                        "method=" + request.method(),
                        "target=" + request.target().raw(),
                        "query=" + request.target().query().orElse("-"),
                        "scheme=" + request.scheme(),
                        "version=" + request.version(),
                        "client=" + request.client(),
                        "client-type=" + request.client().getClass().getSimpleName(),
                        "server=" + request.server(),
                        "host=" + request.header("host").orElse("-"),
                        "tls=" + tls,
                        "peer=" + peer,
                        "kind=" + request.kind(),
                        "pseudo-headers=" + pseudo,
                        "x-forwarded-for=" + request.header("x-forwarded-for").orElse("-"),
                        ""));
    }

    /** The value of one line of an answer. */
    public static String field(String answer, String name) {
        return answer.lines()
                .filter(line -> line.startsWith(name + "="))
                .findFirst()
                .map(line -> line.substring(name.length() + 1))
                .orElseThrow(() -> new AssertionError("no " + name + " in: " + answer));
    }
}
