/**
 * Static assets for JGI: an index built once at start-up, an Undertow handler that serves it,
 * collect-static with content-hashed names, and the {@link dev.jgi.assets.StaticUrls} lookup apps use.
 */
@SuppressWarnings("requires-transitive-automatic") // Undertow's and XNIO's types appear in public signatures.
module dev.jgi.assets {
    exports dev.jgi.assets;
    exports dev.jgi.assets.collect;
    exports dev.jgi.assets.http;
    exports dev.jgi.assets.index;
    exports dev.jgi.assets.undertow;

    requires com.fasterxml.jackson.databind;
    // Optional at run time: only the reference server, which brings Undertow, uses the handler.
    // Undertow and XNIO have no module names; these are their jar-file-derived automatic names.
    requires static transitive undertow.core;
    requires static transitive xnio.api;
    // collect-static writes .br variants with it; its native library comes by service binding.
    requires com.aayushatharva.brotli4j;
}
