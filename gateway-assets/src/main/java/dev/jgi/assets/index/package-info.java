/**
 * The asset index: every servable file of one or more roots, found once at start-up, with its
 * validators, media type, cache policy, precompressed variants and, for small files, its bytes in memory.
 * <p>Arguments are non-null; a {@code null} argument throws {@link NullPointerException}. An
 * {@link dev.jgi.assets.index.AssetIndex} is safe for concurrent lookups; the other types are immutable.
 */
package dev.jgi.assets.index;
