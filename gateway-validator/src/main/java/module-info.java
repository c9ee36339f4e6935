/**
 * Wraps a JGI application and checks both sides of the contract at run time; each violation names
 * its clause. Depends on the JDK and gateway-api alone, so it may run in production.
 */
module dev.jgi.validator {
    requires transitive dev.jgi.api;

    exports dev.jgi.validator;
}
