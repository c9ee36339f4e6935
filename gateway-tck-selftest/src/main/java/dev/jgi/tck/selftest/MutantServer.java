package dev.jgi.tck.selftest;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.tck.spi.ServerUnderTest;
import java.net.InetSocketAddress;

/** The reference server with exactly one {@link Fault} injected. */
public final class MutantServer implements ServerUnderTest {

    private final Fault fault;
    private final ReferenceServer reference = new ReferenceServer();

    public MutantServer(Fault fault) {
        this.fault = fault;
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
