package dev.jgi.tck.selftest;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Faults of a server's connection handling that a wire proxy can show: requests pipelined behind a
 * bodiless one lost with the rest of the read buffer, and a connection left hanging past a limit.
 */
final class ConnectionFaults {

    /** Far above any field the suite sends but the limit tests' 1 MiB request line and field. */
    private static final int OVERSIZED_HEAD = 512 * 1024;

    private ConnectionFaults() {}

    static List<Fault> all() {
        return List.of(
                Fault.ofWire("pipelined-requests-dropped", Set.of("JGI-FRAME-8"), new WireFault() {
                    @Override
                    public boolean forwardsBytesBehind(String head) {
                        String lower = head.toLowerCase(Locale.ROOT);
                        // A head with a body keeps what follows it, so only pipelining loses bytes.
                        return lower.contains("\r\ncontent-length:") || lower.contains("\r\ntransfer-encoding:");
                    }
                }),
                // The limit tests of the request line and the fields name their own clause beside LIM-5.
                Fault.ofWire(
                        "oversized-head-left-hanging", Set.of("JGI-LIM-5", "JGI-LIM-1", "JGI-LIM-2"), new WireFault() {
                            @Override
                            public String request(String head) {
                                return head.length() > OVERSIZED_HEAD ? "" : head;
                            }
                        }));
    }
}
