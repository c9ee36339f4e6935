package dev.jgi.assets.index;

import java.time.Duration;

/**
 * How an {@link AssetIndex} is built.
 *
 * @param devMode when true, every lookup re-checks the file system (one {@code stat} per request, and
 *     a search of the roots for names the index has not seen), so new and changed files appear without
 *     a restart; for development only. Default false.
 * @param inlineLimit files up to this many bytes are kept in memory. Default 64 KiB.
 * @param inlineBudget at most this many bytes in memory over the whole index; files beyond it are
 *     sent from disk. Default 64 MiB.
 * @param maxAge the {@code max-age} of files whose name is not their content hash. Default 60 s.
 */
public record IndexOptions(boolean devMode, int inlineLimit, long inlineBudget, Duration maxAge) {

    /** The {@code Cache-Control} of content-hashed names: a year, never revalidated. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    public IndexOptions {
        if (inlineLimit < 0 || inlineBudget < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("inlineLimit, inlineBudget and maxAge must not be negative");
        }
    }

    public static IndexOptions defaults() {
        return new IndexOptions(false, 64 * 1024, 64L * 1024 * 1024, Duration.ofSeconds(60));
    }

    public IndexOptions withDevMode(boolean on) {
        return new IndexOptions(on, inlineLimit, inlineBudget, maxAge);
    }

    public IndexOptions withInlineLimit(int bytes) {
        return new IndexOptions(devMode, bytes, inlineBudget, maxAge);
    }

    public IndexOptions withInlineBudget(long bytes) {
        return new IndexOptions(devMode, inlineLimit, bytes, maxAge);
    }

    public IndexOptions withMaxAge(Duration age) {
        return new IndexOptions(devMode, inlineLimit, inlineBudget, age);
    }

    /** The {@code Cache-Control} of names that are not content hashes. */
    public String shortCacheControl() {
        return "public, max-age=" + maxAge.toSeconds();
    }
}
