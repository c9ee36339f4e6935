package dev.jgi.samples.jaxrs;

import dev.jgi.harness.TestRequest;
import dev.jgi.harness.TestResponse;
import dev.jgi.harness.TestServer;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpVersion;
import org.apache.http.client.RequestDirector;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.message.BasicHttpResponse;
import org.apache.http.util.EntityUtils;

/**
 * REST Assured's HTTP client with the harness as its transport: each request is one
 * {@link TestServer#send} exchange, so the suite that runs over sockets runs in process too.
 * REST Assured needs an {@code AbstractHttpClient}; its request director is the one seam that
 * sees a whole request and returns a whole response.
 */
@SuppressWarnings("deprecation") // HttpClient 4's director API is what REST Assured 6 still builds on.
final class HarnessHttpClient extends DefaultHttpClient {

    private final TestServer server;

    HarnessHttpClient(TestServer server) {
        this.server = server;
    }

    @Override
    protected RequestDirector createClientRequestDirector(
            org.apache.http.protocol.HttpRequestExecutor executor,
            org.apache.http.conn.ClientConnectionManager connections,
            org.apache.http.ConnectionReuseStrategy reuse,
            org.apache.http.conn.ConnectionKeepAliveStrategy keepAlive,
            org.apache.http.conn.routing.HttpRoutePlanner routes,
            org.apache.http.protocol.HttpProcessor processor,
            org.apache.http.client.HttpRequestRetryHandler retries,
            org.apache.http.client.RedirectStrategy redirects,
            org.apache.http.client.AuthenticationStrategy targetAuth,
            org.apache.http.client.AuthenticationStrategy proxyAuth,
            org.apache.http.client.UserTokenHandler users,
            org.apache.http.params.HttpParams params) {
        return (target, request, context) -> exchange(target, request);
    }

    private BasicHttpResponse exchange(HttpHost target, HttpRequest request) throws IOException {
        URI uri = URI.create(request.getRequestLine().getUri());
        String origin = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        TestRequest sent = TestRequest.of(
                        request.getRequestLine().getMethod(),
                        origin + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .withHeaders(dev.jgi.api.Headers.of("host", target.toHostString()));
        for (org.apache.http.Header header : request.getAllHeaders()) {
            String name = header.getName().toLowerCase(Locale.ROOT);
            if (!name.equals("host") && !name.equals("content-length")) {
                sent = sent.header(name, header.getValue());
            }
        }
        if (request instanceof HttpEntityEnclosingRequest withBody && withBody.getEntity() != null) {
            if (withBody.getEntity().getContentType() != null && !sent.headers().contains("content-type")) {
                sent = sent.header(
                        "content-type", withBody.getEntity().getContentType().getValue());
            }
            sent = sent.body(EntityUtils.toByteArray(withBody.getEntity()));
        }
        TestResponse received = server.send(sent);
        BasicHttpResponse response = new BasicHttpResponse(HttpVersion.HTTP_1_1, received.status(), "");
        received.headers().forEach((name, value) -> response.addHeader(name, value));
        ByteArrayEntity body = new ByteArrayEntity(received.bodyBytes());
        received.header("content-type").ifPresent(body::setContentType);
        response.setEntity(body);
        return response;
    }
}
