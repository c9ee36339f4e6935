/**
 * Wraps a JGI application and checks both sides of the contract at run time; each violation names
 * its clause. Depends on the JDK, gateway-api and gateway-kernel (the rules it checks) alone, so it
 * may run in production.
 */
module dev.jgi.validator {
    requires transitive dev.jgi.api;
    requires dev.jgi.kernel;

    exports dev.jgi.validator;
}
