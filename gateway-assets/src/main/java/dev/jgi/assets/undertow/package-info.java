/**
 * Serving an {@link dev.jgi.assets.index.AssetIndex} with Undertow 2.4. Handlers are immutable and
 * safe to share between IO threads.
 */
package dev.jgi.assets.undertow;
