package dev.jgi.server.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT start a graceful shutdown. A JVM shutdown hook would exit with 143 or 130;
 * handling the signals lets {@code jgi} finish in-flight requests and exit 0, as process managers
 * expect of a clean stop. A second signal exits at once.
 */
final class Signals {

    private Signals() {}

    /** SIGHUP reloads the TLS certificate and key, as nginx and HAProxy do. */
    static void onHangUp(Runnable reload) {
        Signal.handle(new Signal("HUP"), signal -> reload.run());
    }

    static void onTerminate(Runnable shutdown) {
        boolean[] seen = new boolean[1];
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                synchronized (seen) {
                    if (seen[0]) {
                        Runtime.getRuntime().halt(1);
                    }
                    seen[0] = true;
                }
                shutdown.run();
            });
        }
    }
}
