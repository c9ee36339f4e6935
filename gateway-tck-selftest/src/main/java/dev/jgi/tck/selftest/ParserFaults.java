package dev.jgi.tck.selftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Faults of a lenient request parser, applied on the wire: it repairs what the server must refuse,
 * passes on what it must answer itself, or answers a limit with a plain 400.
 */
final class ParserFaults {

    private ParserFaults() {}

    static List<Fault> all() {
        return List.of(
                Fault.ofWire("asterisk-target-passed-on", Set.of("JGI-REQ-10"), new WireFault() {
                    @Override
                    public String request(String head) {
                        return head.startsWith("OPTIONS * ") ? "OPTIONS / " + head.substring(10) : head;
                    }
                }),
                Fault.ofWire("malformed-header-lines-repaired", Set.of("JGI-HDR-6"), new WireFault() {
                    @Override
                    public String request(String head) {
                        return fields(head, ParserFaults::repaired);
                    }
                }),
                Fault.ofWire("content-length-read-leniently", Set.of("JGI-BODY-7"), new WireFault() {
                    @Override
                    public String request(String head) {
                        return fields(head, new Lenient()::read);
                    }
                }),
                limitAnswered400("request-line-limit-answered-400", Set.of("JGI-LIM-1"), 414),
                limitAnswered400("field-limit-answered-400", Set.of("JGI-LIM-2"), 431),
                // Every 413 becomes 400, so the exchange limit's 413 [JGI-LIM-8] goes too.
                limitAnswered400("body-limit-answered-400", Set.of("JGI-LIM-3", "JGI-LIM-8"), 413));
    }

    /** A server that answers {@code status}, which the clauses name, with a plain 400. */
    private static Fault limitAnswered400(String name, Set<String> clauses, int status) {
        return Fault.ofWire(name, clauses, new WireFault() {
            @Override
            public String response(String head) {
                return head.matches("(?s)HTTP/1\\.1 " + status + " .*")
                        ? "HTTP/1.1 400 Bad Request" + head.substring(head.indexOf("\r\n"))
                        : head;
            }
        });
    }

    /** The head with each field line replaced by what {@code rewrite} makes of it; null drops it. */
    private static String fields(String head, java.util.function.UnaryOperator<String> rewrite) {
        String[] lines = head.split("\r\n", -1);
        List<String> out = new ArrayList<>(List.of(lines[0]));
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].isEmpty() ? "" : rewrite.apply(lines[i]);
            if (line != null) {
                out.add(line);
            }
        }
        return String.join("\r\n", out);
    }

    /** A line without a colon or a name is dropped, space before the colon and bare CRs are tolerated. */
    private static String repaired(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
            return null;
        }
        return line.substring(0, colon).strip() + line.substring(colon).replace('\r', ' ');
    }

    /** Takes the digits of the first content-length and drops the others; any chunked coding is chunked. */
    private static final class Lenient {
        private boolean lengthSeen;

        String read(String line) {
            String name =
                    line.substring(0, Math.max(0, line.indexOf(':'))).strip().toLowerCase(Locale.ROOT);
            if (name.equals("content-length")) {
                if (lengthSeen) {
                    return null;
                }
                lengthSeen = true;
                return "Content-Length: "
                        + line.substring(line.indexOf(':') + 1).replaceAll("[^0-9]", "");
            }
            return name.equals("transfer-encoding")
                            && line.toLowerCase(Locale.ROOT).contains("chunked")
                    ? "Transfer-Encoding: chunked"
                    : line;
        }
    }
}
