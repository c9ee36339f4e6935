package dev.jgi.servlet;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.api.Capability;
import dev.jgi.api.Lifespan;
import dev.jgi.api.Request;
import dev.jgi.api.ServerInfo;
import dev.jgi.kernel.request.RequestLine;
import dev.jgi.kernel.websocket.SyncWebSocket;
import dev.jgi.servlet.internal.AsyncCall;
import dev.jgi.servlet.internal.Errors;
import dev.jgi.servlet.internal.Framing;
import dev.jgi.servlet.internal.HeadLimits;
import dev.jgi.servlet.internal.Refusal;
import dev.jgi.servlet.internal.RequestHeads;
import dev.jgi.servlet.internal.SyncCall;
import dev.jgi.servlet.internal.WebSocketCall;
import dev.jgi.servlet.internal.WebSocketSupport;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A servlet that serves one JGI application, sync or async, in any Jakarta Servlet 6.1 container.
 *
 * <p>The mount prefix is what the container matched: the context path, plus the servlet path
 * when the servlet is mapped to a path such as {@code /api/*} [JGI-PATH-1]. Map the servlet to
 * {@code /*} or {@code /prefix/*}, make it load on start-up so that a failing
 * {@link Lifespan#start} fails the deployment [JGI-LIFE-3], and mark it async-supported for an
 * {@link AsyncApplication}.
 *
 * <p>What the bridge declares in {@link ServerInfo}: {@link Capability#TRAILERS}, and
 * {@link Capability#WEBSOCKET} for an async application when the container offers Jakarta WebSocket.
 * Servlet 6.1 has no 103 interim responses and no zero-copy file sending, so those capabilities are
 * absent [JGI-CAP-5]; HTTP/2 and TLS are the container's connectors' business and are not claimed.
 *
 * <p>Init parameters, for a WAR's {@code web.xml}:
 * <ul>
 *   <li>{@value #APPLICATION_PARAMETER}: the class of the application, public with a public
 *       no-argument constructor, implementing {@link Application} or {@link AsyncApplication}.
 *       Ignored when the servlet was constructed with an application.</li>
 *   <li>{@value #BODY_LIMIT_PARAMETER}: the largest request body in bytes [JGI-LIM-3]; default
 *       {@value #DEFAULT_BODY_LIMIT} (10 MiB).</li>
 *   <li>{@value #WEBSOCKET_LIMIT_PARAMETER}: the largest incoming WebSocket message in bytes;
 *       larger closes with 1009 [JGI-WS-9]; default {@value #DEFAULT_WEBSOCKET_LIMIT} (1 MiB).</li>
 * </ul>
 * The request head is held to the reference server's limits ({@link HeadLimits#DEFAULTS}): 414 for
 * a request line over 8 KiB, 431 for over 100 fields, a field over 8 KiB or a head over 64 KiB.
 */
public class JgiServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Init parameter naming the application class. */
    public static final String APPLICATION_PARAMETER = "jgi.application";
    /** Init parameter for the request body limit in bytes. */
    public static final String BODY_LIMIT_PARAMETER = "jgi.body-limit";
    /** The request body limit unless configured: 10 MiB. */
    public static final long DEFAULT_BODY_LIMIT = 10L * 1024 * 1024;
    /** Init parameter for the largest incoming WebSocket message in bytes. */
    public static final String WEBSOCKET_LIMIT_PARAMETER = "jgi.websocket-message-limit";
    /** The WebSocket message limit unless configured: 1 MiB. */
    public static final int DEFAULT_WEBSOCKET_LIMIT = 1024 * 1024;

    private final transient Lifespan given;
    private transient Lifespan app;
    private transient Map<String, Object> state;
    private transient Set<Capability> capabilities;
    private long bodyLimit;
    private volatile String startFailure;
    private boolean namesCoding;
    private boolean webSocket;
    private int webSocketLimit;

    /** For deployment descriptors: the application class comes from {@value #APPLICATION_PARAMETER}. */
    public JgiServlet() {
        this.given = null;
    }

    /** Serves a sync application. */
    public JgiServlet(Application app) {
        this.given = Objects.requireNonNull(app);
    }

    /** Serves an async application. */
    public JgiServlet(AsyncApplication app) {
        this.given = Objects.requireNonNull(app);
    }

    /**
     * Starts the application [JGI-LIFE-1]. The container routes no request to this servlet until
     * this returned [JGI-LIFE-2].
     *
     * @throws UnavailableException naming the application's message when it refused to start
     *     [JGI-LIFE-3]; {@link #destroy} will then not stop it [JGI-LIFE-6]
     */
    @Override
    public void init() throws ServletException {
        Lifespan candidate = given != null ? given : Applications.load(getInitParameter(APPLICATION_PARAMETER));
        namesCoding = Framing.namesCoding(getServletContext().getServerInfo());
        String limit = getInitParameter(BODY_LIMIT_PARAMETER);
        bodyLimit = limit == null ? DEFAULT_BODY_LIMIT : Long.parseLong(limit.strip());
        String maxMessage = getInitParameter(WEBSOCKET_LIMIT_PARAMETER);
        webSocketLimit = maxMessage == null ? DEFAULT_WEBSOCKET_LIMIT : Integer.parseInt(maxMessage.strip());
        webSocket = WebSocketSupport.available(getServletContext());
        EnumSet<Capability> capabilities = EnumSet.of(Capability.TRAILERS);
        if (webSocket) {
            capabilities.add(Capability.WEBSOCKET);
        }
        this.capabilities = Set.copyOf(capabilities);
        ServerInfo info = new ServerInfo(
                "jgi-servlet",
                version() + " on " + getServletContext().getServerInfo(),
                ServerInfo.SPEC_VERSION,
                capabilities);
        Map<String, Object> started;
        try {
            started = candidate.start(info);
        } catch (Exception e) {
            String message = "[JGI-LIFE-3] the application failed to start: " + e.getMessage();
            startFailure = message;
            log(message, e);
            throw new UnavailableException(message);
        }
        if (started == null) {
            throw new UnavailableException("[JGI-LIFE-8] the application's start returned null instead of a state map");
        }
        state = started;
        app = candidate;
    }

    /**
     * Why the application refused to start, for embedders whose container reports only that the
     * deployment failed [JGI-LIFE-3]; empty when it started or was not started yet.
     */
    public Optional<String> startFailure() {
        return Optional.ofNullable(startFailure);
    }

    /** Stops the application once, if it started [JGI-LIFE-5]; the container has ended its requests. */
    @Override
    public void destroy() {
        Lifespan running = app;
        app = null;
        if (running != null) {
            try {
                running.stop();
            } catch (Exception e) {
                log("the application failed to stop: " + e.getMessage(), e);
            }
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The container answers its own error (a malformed body, say); the application ran already.
            return;
        }
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            Object failure = request.getAttribute(AsyncCall.ABORT);
            if (failure != null) {
                throw Errors.abort((Throwable) failure);
            }
            return;
        }
        Lifespan serving = app;
        if (serving == null) {
            Errors.send(response, 503);
            return;
        }
        boolean handshake = webSocket && WebSocketSupport.isHandshake(request);
        Request head;
        try {
            HeadLimits.DEFAULTS.check(request);
            OptionalInt tunnel = RequestLine.method(request.getMethod());
            if (tunnel.isPresent()) {
                throw new Refusal(tunnel.getAsInt(), "[JGI-REQ-12] CONNECT: JGI 1.0 has no tunnels");
            }
            if (request.getContentLengthLong() > bodyLimit) {
                throw new Refusal(413, "[JGI-LIM-3] content-length over the body limit");
            }
            head = RequestHeads.of(
                    request, state, handshake ? Request.Kind.WEBSOCKET : Request.Kind.HTTP, capabilities);
        } catch (Refusal refusal) {
            Errors.send(response, refusal.status());
            return;
        }
        if (handshake) {
            // [JGI-WS-11]: a sync application's session runs on the async bridge, on a virtual thread.
            AsyncApplication async =
                    serving instanceof AsyncApplication a ? a : SyncWebSocket.of((Application) serving);
            WebSocketCall.serve(async, head, request, response, webSocketLimit);
        } else if (serving instanceof AsyncApplication async) {
            if (!request.isAsyncSupported()) {
                log("an AsyncApplication needs the servlet to be async-supported; answering 500");
                Errors.send(response, 500);
                return;
            }
            AsyncCall.serve(async, head, head.capabilities(), request, response, bodyLimit, namesCoding);
        } else {
            new SyncCall(request, response, bodyLimit, namesCoding).serve((Application) serving, head);
        }
    }

    private static String version() {
        String version = JgiServlet.class.getPackage().getImplementationVersion();
        return version == null ? "1.0" : version;
    }
}
