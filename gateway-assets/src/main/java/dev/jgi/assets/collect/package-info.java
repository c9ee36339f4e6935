/**
 * collect-static: gathers the assets of app jars and directories into one tree with content-hashed
 * names, a {@code staticfiles.json} manifest and precompressed variants, for nginx, a CDN or an object
 * store to serve. Arguments are non-null; a {@code null} argument throws {@link NullPointerException}.
 */
package dev.jgi.assets.collect;
