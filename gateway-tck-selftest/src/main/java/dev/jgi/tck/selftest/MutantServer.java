package dev.jgi.tck.selftest;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.tck.spi.ServerUnderTest;
import java.net.InetSocketAddress;
import java.util.Optional;

/** The reference server with exactly one {@link Fault} injected. */
public final class MutantServer implements ServerUnderTest {

    private final Fault fault;
    private final ReferenceServer reference;

    public MutantServer(Fault fault) {
        this.fault = fault;
        this.reference = new ReferenceServer(fault.config());
    }

    public Fault fault() {
        return fault;
    }

    @Override
    public String name() {
        return "mutant-" + fault.name();
    }

    @Override
    public Started start(Application app, String mountPath) throws Exception {
        return behindProxy(reference.start(fault.sync().apply(app), mountPath));
    }

    @Override
    public Started startAsync(AsyncApplication app, String mountPath) throws Exception {
        return behindProxy(reference.startAsync(fault.async().apply(app), mountPath));
    }

    /**
     * The reference server's TLS listener with the fault's applications, for the faults of the TLS and
     * HTTP/2 clauses only: wire faults sit in a plaintext proxy, and the other mutant runs skip the cost
     * of the certificates and handshakes.
     */
    @Override
    public Optional<Started> startSecure(Application app, String mountPath, TlsFiles tls) throws Exception {
        return overTls() ? reference.startSecure(fault.sync().apply(app), mountPath, tls) : Optional.empty();
    }

    @Override
    public Optional<Started> startSecureAsync(AsyncApplication app, String mountPath, TlsFiles tls) throws Exception {
        return overTls() ? reference.startSecureAsync(fault.async().apply(app), mountPath, tls) : Optional.empty();
    }

    private boolean overTls() {
        return fault.wire() == WireFault.NONE
                && fault.clauses().stream().anyMatch(c -> c.startsWith("JGI-TLS-") || c.startsWith("JGI-H2-"));
    }

    private Started behindProxy(Started server) throws Exception {
        if (fault.wire() == WireFault.NONE) {
            return server;
        }
        FaultyProxy proxy = new FaultyProxy(server.address(), fault.wire());
        return new Started() {
            @Override
            public InetSocketAddress address() {
                return proxy.address();
            }

            @Override
            public void close() throws Exception {
                proxy.close();
                server.close();
            }
        };
    }
}
