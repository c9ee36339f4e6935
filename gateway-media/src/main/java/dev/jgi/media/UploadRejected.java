package dev.jgi.media;

import java.util.Objects;

/**
 * An upload that broke its {@link UploadRules}; nothing of it was kept. The message is meant for the
 * person who uploaded the file (no paths, no stack traces), and {@link #reason()} lets the app pick a
 * status: 413 for {@link Reason#TOO_LARGE}, 400 for the others.
 */
public final class UploadRejected extends Exception {

    /** Why an upload was rejected. */
    public enum Reason {
        /** More bytes than {@link UploadRules#maxBytes()}. */
        TOO_LARGE,
        /** Content that is none of the accepted types. */
        UNSUPPORTED_TYPE,
        /** No bytes at all. */
        EMPTY
    }

    private final Reason reason;

    public UploadRejected(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
