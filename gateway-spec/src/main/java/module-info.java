/** The JGI specification as data: the clause list extracted from docs/spec, and its loader. */
module dev.jgi.spec {
    exports dev.jgi.spec;
}
