package dev.jgi.server.apps;

import dev.jgi.api.Application;
import dev.jgi.api.Exchange;
import dev.jgi.api.Request;
import dev.jgi.api.Response;
import dev.jgi.api.ServerInfo;
import java.util.Map;

/**
 * A sync app for the jgi command tests: greets, sleeps on /slow, reads the body on /upload, sends 16 MiB on /big, logs on /log, shows its environment
 * view, and on /reach tries to open the server's class of its exchange for reflection.
 */
public final class HelloApp implements Application {

    @Override
    public Map<String, Object> start(ServerInfo server) {
        if (System.getProperty("HELLO_FAIL_START") != null) {
            throw new IllegalStateException("the database is unreachable");
        }
        return Map.of("started", "yes");
    }

    @Override
    public void stop() {
        System.err.println("HelloApp stopped");
    }

    @Override
    public Response handle(Request request, Exchange exchange) throws Exception {
        return switch (request.path()) {
            case "/slow" -> {
                Thread.sleep(Long.parseLong(request.target().query().orElse("500")));
                yield Response.text(200, "slow done");
            }
            case "/reach" -> Response.text(200, reach(exchange));
            case "/upload" -> Response.text(200, "read " + exchange.body().readAllBytes().length);
            case "/big" ->
                Response.of(
                        200,
                        dev.jgi.api.Headers.of("content-type", "application/octet-stream"),
                        dev.jgi.api.Body.of(Big.BYTES));
            case "/log" -> {
                java.util.logging.Logger.getLogger("hello.app").info("handled " + request.path());
                java.util.logging.Logger.getLogger("hello.app").fine("a debug line");
                yield Response.text(200, "logged");
            }
            case "/env" ->
                Response.text(
                        200,
                        System.getProperty("DATABASE_URL") + " " + System.getProperty("SECRET_KEY") + " "
                                + System.getProperty("DEBUG"));
            default ->
                Response.text(
                        200, "hello " + request.path() + " " + request.state().get("started"));
        };
    }

    /** The class of the exchange, and whether its constructor could be made accessible ("open") or not. */
    private static String reach(Exchange exchange) {
        Class<?> internal = exchange.getClass();
        return internal.getName() + (internal.getDeclaredConstructors()[0].trySetAccessible() ? " open" : " closed");
    }

    /** 16 MiB, made once: the body of /big, larger than any socket buffer on loopback. */
    private static final class Big {
        static final byte[] BYTES = new byte[16 * 1024 * 1024];
    }

    /** The factory form, {@code dev.jgi.server.apps.HelloApp::create}. */
    public static Application create() {
        return new HelloApp();
    }
}
