package dev.jgi.tck.selftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Faults on the bytes between client and server, applied by {@link FaultyProxy}. */
final class WireFaults {

    private WireFaults() {}

    static List<Fault> all() {
        return List.of(
                // DONE-3 too: the body bytes such a server sends for a HEAD request are counted.
                Fault.ofWire(
                        "head-answered-with-body",
                        // EXT-8 too: the body it adds to a HEAD response runs into where the trailers test looks.
                        Set.of("JGI-FRAME-4", "JGI-FRAME-10", "JGI-DONE-3", "JGI-EXT-8"),
                        new WireFault() {
                            @Override
                            public String request(String head) {
                                return head.startsWith("HEAD ") ? "GET " + head.substring(5) : head;
                            }
                        }),
                Fault.ofWire("content-length-with-chunked-accepted", Set.of("JGI-BODY-11"), new WireFault() {
                    @Override
                    public String request(String head) {
                        return lower(head).contains("\r\ncontent-length:")
                                ? head.replaceAll("(?i)\r\nTransfer-Encoding: chunked", "")
                                : head;
                    }
                }),
                Fault.ofWire("set-cookie-folded", Set.of("JGI-HDR-2"), new WireFault() {
                    @Override
                    public String response(String head) {
                        List<String> cookies = new ArrayList<>();
                        StringBuilder rest = new StringBuilder();
                        for (String line : head.split("\r\n", -1)) {
                            if (lower(line).startsWith("set-cookie:")) {
                                cookies.add(line.substring(11).strip());
                            } else if (!line.isEmpty()) {
                                rest.append(line).append("\r\n");
                            }
                        }
                        return cookies.isEmpty()
                                ? head
                                : rest + "Set-Cookie: " + String.join(", ", cookies) + "\r\n\r\n";
                    }
                }),
                Fault.ofWire(
                        "final-chunk-after-failure", Set.of("JGI-ERR-2", "JGI-ERR-5", "JGI-ERR-6"), new WireFault() {
                            @Override
                            public String afterServerClose(String head, String tail) {
                                return lower(head).contains("transfer-encoding: chunked") && !tail.endsWith("0\r\n\r\n")
                                        ? "\r\n0\r\n\r\n"
                                        : "";
                            }
                        }),
                Fault.ofWire(
                        "connection-close-ignored",
                        Set.of(
                                "JGI-FRAME-7",
                                "JGI-FRAME-9",
                                "JGI-ERR-2",
                                "JGI-ERR-5",
                                "JGI-ERR-6",
                                "JGI-ERR-7",
                                "JGI-FRAME-11"),
                        new WireFault() {
                            @Override
                            public String response(String head) {
                                return head.replaceAll("(?i)\r\nConnection: close", "");
                            }

                            @Override
                            public boolean closeWithServer() {
                                return false;
                            }
                        }),
                Fault.ofWire("missing-host-supplied", Set.of("JGI-HDR-7"), new WireFault() {
                    @Override
                    public String request(String head) {
                        return lower(head).contains("\r\nhost:")
                                ? head
                                : head.replaceFirst("\r\n", "\r\nHost: supplied.test\r\n");
                    }
                }),
                Fault.ofWire("continue-sent-before-reading", Set.of("JGI-BODY-4", "JGI-BODY-5"), new WireFault() {
                    @Override
                    public String early(String head) {
                        return lower(head).contains("expect: 100-continue") ? "HTTP/1.1 100 Continue\r\n\r\n" : "";
                    }

                    @Override
                    public String request(String head) {
                        return head.replaceAll("(?i)\r\nExpect: 100-continue", "");
                    }
                }));
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
