/**
 * What apps and the server's command line use: {@link dev.jgi.assets.StaticUrls} resolves an asset's
 * logical path to its content-hashed URL; {@link dev.jgi.assets.Manifest} is the {@code staticfiles.json}
 * behind it; {@link dev.jgi.assets.AppJar} reads an app jar's {@code JGI-App} and
 * {@code JGI-Static-Prefix} attributes; {@link dev.jgi.assets.StaticMount} is one
 * {@code --static URL_PREFIX=DIR} option; {@link dev.jgi.assets.ContentHash} names files by content.
 * <p>Arguments are non-null; a {@code null} argument throws {@link NullPointerException}. Every type is
 * immutable and thread-safe. The conventions are documented in {@code docs/static-assets.md}.
 */
package dev.jgi.assets;
