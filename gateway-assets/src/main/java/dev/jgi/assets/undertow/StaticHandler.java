package dev.jgi.assets.undertow;

import dev.jgi.assets.UrlPrefix;
import dev.jgi.assets.index.Asset;
import dev.jgi.assets.index.AssetIndex;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves the assets of an index below a URL prefix and hands every other request to {@code next}.
 * A request under the prefix never reaches {@code next}: a path the index does not hold is 404,
 * including every non-canonical spelling ({@code ..}, encoded slashes or backslashes, NUL, dotfiles);
 * there are no directory listings. A path ending in {@code /} serves that folder's {@code index.html}
 * when the index holds one, as nginx's {@code index} does, and the bare prefix redirects to the prefix
 * with a slash (a built documentation site is served this way). GET and HEAD are served; other methods
 * on an asset get 405 with {@code Allow: GET, HEAD}.
 *
 * <p>The prefix is matched against the full decoded request path, so place this handler in front of
 * the app, not below a {@code PathHandler} prefix. Lookups in a production index never block, and
 * answers are written on the IO thread; with a dev-mode index the request moves to a worker thread first,
 * because a lookup then touches the disk.
 */
public final class StaticHandler implements HttpHandler {

    private static final String ALLOWED = Methods.GET_STRING + ", " + Methods.HEAD_STRING;
    /** What a path ending in a slash serves. */
    private static final String INDEX_FILE = "index.html";

    private final UrlPrefix prefix;
    private final AssetIndex index;
    private final HttpHandler next;
    private final Cork cork;
    private final int skip;

    /** A handler that sends files as the transport does, uncorked. */
    public StaticHandler(UrlPrefix prefix, AssetIndex index, HttpHandler next) {
        this(prefix, index, next, Cork.NONE);
    }

    /** A handler that corks the connection around every file it sends by {@code sendfile}. */
    public StaticHandler(UrlPrefix prefix, AssetIndex index, HttpHandler next, Cork cork) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.index = Objects.requireNonNull(index, "index");
        this.next = Objects.requireNonNull(next, "next");
        this.cork = Objects.requireNonNull(cork, "cork");
        this.skip = prefix.value().length() + 1;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRequestPath();
        if (!path.startsWith(prefix.value())) {
            next.handleRequest(exchange);
            return;
        }
        boolean bare = path.length() == prefix.value().length();
        if (!bare && path.charAt(prefix.value().length()) != '/') {
            next.handleRequest(exchange);
            return;
        }
        if (index.options().devMode() && exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        if (bare) {
            if (index.find(INDEX_FILE).isPresent()) {
                redirect(exchange, path + "/");
            } else {
                notFound(exchange);
            }
            return;
        }
        String relative = path.substring(skip);
        Optional<Asset> asset =
                index.find(relative.isEmpty() || relative.endsWith("/") ? relative + INDEX_FILE : relative);
        if (asset.isEmpty()) {
            notFound(exchange);
            return;
        }
        HttpString method = exchange.getRequestMethod();
        boolean head = method.equals(Methods.HEAD);
        if (!head && !method.equals(Methods.GET)) {
            exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
            exchange.getResponseHeaders().put(Headers.ALLOW, ALLOWED);
            exchange.setResponseContentLength(0);
            exchange.endExchange();
            return;
        }
        AssetResponse.send(exchange, asset.get(), head, cork);
    }

    private static void redirect(HttpServerExchange exchange, String location) {
        String query = exchange.getQueryString();
        exchange.setStatusCode(StatusCodes.MOVED_PERMANENTLY);
        exchange.getResponseHeaders().put(Headers.LOCATION, query.isEmpty() ? location : location + "?" + query);
        exchange.setResponseContentLength(0);
        exchange.endExchange();
    }

    private static void notFound(HttpServerExchange exchange) {
        exchange.setStatusCode(StatusCodes.NOT_FOUND);
        exchange.setResponseContentLength(0);
        exchange.endExchange();
    }
}
