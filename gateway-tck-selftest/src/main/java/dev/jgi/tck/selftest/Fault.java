package dev.jgi.tck.selftest;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.server.GatewayServer;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One injected fault: how it corrupts the reference server, and the clauses whose tests may fail
 * because of it (the self-test fails a mutant that breaks a test of any other clause).
 *
 * @param name     a short name for the kill matrix
 * @param clauses  the clauses the fault breaks
 * @param sync     what the fault does to a sync application the server hosts
 * @param async    what it does to an async one
 * @param wire     what it does to the bytes between client and server
 * @param config   what it does to the reference server's configuration
 */
public record Fault(
        String name,
        Set<String> clauses,
        UnaryOperator<Application> sync,
        UnaryOperator<AsyncApplication> async,
        WireFault wire,
        UnaryOperator<GatewayServer.Builder> config) {

    public Fault {
        clauses = Set.copyOf(clauses);
    }

    static Fault ofApps(
            String name, Set<String> clauses, UnaryOperator<Application> sync, UnaryOperator<AsyncApplication> async) {
        return new Fault(name, clauses, sync, async, WireFault.NONE, UnaryOperator.identity());
    }

    /**
     * Clauses whose tests may fail for any mutant of this kind without counting as a kill: behind
     * the proxy the application sees the proxy's addresses, not the client's [JGI-REQ-5].
     */
    public Set<String> artefacts() {
        return wire == WireFault.NONE ? Set.of() : Set.of("JGI-REQ-5");
    }

    static Fault ofWire(String name, Set<String> clauses, WireFault wire) {
        return new Fault(
                name, clauses, UnaryOperator.identity(), UnaryOperator.identity(), wire, UnaryOperator.identity());
    }

    /** A server configured wrongly: the applications and the wire as they are. */
    static Fault ofConfig(String name, Set<String> clauses, UnaryOperator<GatewayServer.Builder> config) {
        return new Fault(name, clauses, UnaryOperator.identity(), UnaryOperator.identity(), WireFault.NONE, config);
    }
}
