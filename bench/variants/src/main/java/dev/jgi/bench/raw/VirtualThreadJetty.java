package dev.jgi.bench.raw;

import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** A Jetty 12 server on 127.0.0.1 whose blocking work runs on virtual threads, for every Jetty variant. */
public final class VirtualThreadJetty {
    private VirtualThreadJetty() {}

    /** The server with its connector, not yet started and without a handler. */
    public static Server on(int port) {
        var threads = new QueuedThreadPool();
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        var server = new Server(threads);
        var connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        return server;
    }
}
