package dev.jgi.tck.report;

import java.util.List;

/**
 * Who was tested with what: the report's header.
 *
 * @param tckVersion    the TCK's version
 * @param suite         {@code server} or {@code app}
 * @param subject       the server (SPI name or endpoint) or the application class under test
 * @param serverName    the name the server gave in its ServerInfo
 * @param serverVersion the version it gave
 * @param specVersion   the spec version it claims
 * @param capabilities  the capabilities it declared
 * @param protocols     the protocols the server suite spoke to it ({@code http/1.1}, {@code h2}, {@code h2c}),
 *                      empty for the application suite
 * @param jvm           the JVM that ran the TCK
 * @param started       when the run started (UTC, ISO-8601)
 * @param finished      when it ended
 */
public record ReportHeader(
        String tckVersion,
        String suite,
        String subject,
        String serverName,
        String serverVersion,
        String specVersion,
        List<String> capabilities,
        List<String> protocols,
        String jvm,
        String started,
        String finished) {

    public ReportHeader {
        capabilities = List.copyOf(capabilities);
        protocols = List.copyOf(protocols);
    }

    /** The TCK's version from its jar's Maven metadata, or {@code development} when run from classes. */
    public static String currentTckVersion() {
        try (var in = ReportHeader.class.getResourceAsStream("/META-INF/maven/dev.jgi/gateway-tck/pom.properties")) {
            if (in == null) {
                return "development";
            }
            var properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version", "development");
        } catch (java.io.IOException e) {
            return "development";
        }
    }

    public static String currentJvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + "), " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch");
    }
}
