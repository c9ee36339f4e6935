package dev.jgi.tck.report;

/**
 * One clause of the spec, as its clause line states it.
 *
 * @param id       for example {@code JGI-FRAME-4}
 * @param level    MUST, MUST NOT, SHOULD, SHOULD NOT, MAY or WITHDRAWN
 * @param party    server, application or middleware
 * @param testable whether a black-box test can decide it
 * @param text     the sentence
 */
public record ClauseInfo(String id, String level, String party, boolean testable, String text) {

    /** Whether failing it makes the implementation non-conforming. */
    public boolean mandatory() {
        return level.equals("MUST") || level.equals("MUST NOT");
    }
}
