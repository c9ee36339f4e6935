package dev.jgi.servlet.tck;

import dev.jgi.api.Application;
import dev.jgi.api.AsyncApplication;
import dev.jgi.servlet.JgiServlet;
import dev.jgi.servlet.embedded.Deployment;
import dev.jgi.tck.spi.Protocol;
import dev.jgi.tck.spi.ServerUnderTest;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Set;

/**
 * The TCK's view of a servlet container running the bridge: each application gets its own
 * container instance on a free port, with the servlet mapped under the mount path.
 */
abstract class ContainerServer implements ServerUnderTest {

    /** Starts a container with {@code servlet} under {@code mountPath}. */
    abstract Deployment deploy(JgiServlet servlet, String mountPath) throws Exception;

    /**
     * HTTP/1.1 only: the embedded containers open one cleartext HTTP/1.1 connector and no TLS one.
     * HTTP/2 in front of the bridge is the container's (its connector), not the bridge's, so the
     * report states that these runs cover HTTP/1.1.
     */
    @Override
    public Set<Protocol> protocols() {
        return EnumSet.of(Protocol.HTTP_1_1);
    }

    @Override
    public Started start(Application app, String mountPath) throws Exception {
        return started(deploy(new JgiServlet(app), mountPath));
    }

    /** Async applications run natively, over Servlet non-blocking I/O, not through the adapter. */
    @Override
    public Started startAsync(AsyncApplication app, String mountPath) throws Exception {
        return started(deploy(new JgiServlet(app), mountPath));
    }

    private static Started started(Deployment deployment) {
        return new Started() {
            @Override
            public InetSocketAddress address() {
                return deployment.address();
            }

            @Override
            public void close() throws Exception {
                deployment.close();
            }
        };
    }
}
