/**
 * Files users upload. An app gets its {@link dev.jgi.media.MediaStorage} once at start-up from
 * {@code MEDIA_STORAGE_URL} ({@link dev.jgi.media.MediaStorage#fromEnvironment()}), stores each
 * upload as a stream ({@link dev.jgi.media.MediaStorage#store}) under a {@link dev.jgi.media.UploadRules}
 * size limit and type list, keeps the returned {@link dev.jgi.media.MediaName} in its database, and
 * links to {@link dev.jgi.media.MediaStorage#url}.
 *
 * <p>What every backend guarantees: the type is sniffed from the first bytes, never taken from the
 * client's file name or {@code Content-Type}; names are random and generated here, so they cannot
 * traverse a directory or collide with another upload; an upload that fails or breaks a rule leaves
 * nothing behind. The conventions are documented in {@code docs/static-assets.md}.
 *
 * <p>Arguments are non-null; a {@code null} argument throws {@link java.lang.NullPointerException}.
 * Values are immutable; storages are thread-safe.
 */
package dev.jgi.media;
