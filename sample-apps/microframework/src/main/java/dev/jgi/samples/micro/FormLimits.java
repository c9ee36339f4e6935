package dev.jgi.samples.micro;

/**
 * Bounds on what the request helpers read, so that bad input gets a 400 or 413 instead of
 * exhausting memory.
 *
 * @param maxFields    fields in a query string or form; more is a 400
 * @param maxFormBytes bytes of a form body; more is a 413
 */
public record FormLimits(int maxFields, int maxFormBytes) {

    /** 1,000 fields and 1 MiB, the same order as Django's defaults. */
    public static final FormLimits DEFAULT = new FormLimits(1000, 1 << 20);

    public FormLimits {
        if (maxFields < 1 || maxFormBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
