package dev.jgi.spec;

/**
 * One normative sentence of the specification.
 *
 * @param id       the stable ID, for example {@code JGI-RESP-3}
 * @param level    MUST, MUST NOT, SHOULD, SHOULD NOT or MAY
 * @param party    server, application or middleware
 * @param testable whether a black-box test can decide it
 * @param section  the heading the clause stands under
 * @param text     the sentence
 */
public record Clause(String id, String level, String party, boolean testable, String section, String text) {

    /** Whether breaking this clause breaks conformance (MUST or MUST NOT). */
    public boolean mandatory() {
        return level.startsWith("MUST");
    }
}
