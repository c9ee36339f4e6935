package dev.jgi.tck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgi.server.GatewayServer;
import dev.jgi.tck.launch.TckLauncher;
import dev.jgi.tck.probe.AsyncProbeApp;
import dev.jgi.tck.probe.ProbeApp;
import dev.jgi.tck.report.TckReport;
import dev.jgi.tck.report.TestOutcome;
import dev.jgi.tck.run.TckSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * External-endpoint mode, as a vendor whose server cannot be embedded runs it: the probes are
 * started outside the TCK and the TCK only gets their URLs. Tests that must start servers
 * themselves are skipped with the reason.
 */
class ExternalModeTest {

    @Test
    void suiteRunsAgainstProbesStartedOutsideTheTck() {
        try (GatewayServer sync = started(GatewayServer.builder(new ProbeApp()));
                GatewayServer async = started(GatewayServer.builderAsync(new AsyncProbeApp()));
                GatewayServer mounted =
                        started(GatewayServer.builder(new ProbeApp()).mountPath("/mnt"))) {
            TckReport report = TckLauncher.run(
                            TckLauncher.SERVER_SUITE,
                            Map.of(
                                    TckSettings.ENDPOINT, "http://127.0.0.1:" + sync.port(),
                                    TckSettings.ASYNC_ENDPOINT, "http://127.0.0.1:" + async.port(),
                                    TckSettings.MOUNTED_ENDPOINT, "http://127.0.0.1:" + mounted.port() + "/mnt"),
                            Optional.empty())
                    .report()
                    .orElseThrow();
            assertThat(report.header().subject()).startsWith("external http://127.0.0.1:");
            assertThat(report.tests())
                    .filteredOn(t -> t.status() == TestOutcome.Status.PASSED)
                    .hasSizeGreaterThan(100);
            assertThat(report.tests())
                    .filteredOn(t -> t.test().equals("LifecycleTests#stopRunsOnceAtShutdown"))
                    .singleElement()
                    .extracting(TestOutcome::status)
                    .isEqualTo(TestOutcome.Status.SKIPPED);
            assertThat(report.tests())
                    .filteredOn(t -> t.display().contains("ADAPTED"))
                    .allMatch(t -> t.status() == TestOutcome.Status.SKIPPED
                            && t.message().contains("external mode"));
        }
    }

    private static GatewayServer started(GatewayServer.Builder builder) {
        GatewayServer server = builder.bind("127.0.0.1", 0)
                .forwardedAllowIps(List.of())
                .accessLog(dev.jgi.server.ServerConfig.AccessLogFormat.OFF)
                .build();
        server.start();
        return server;
    }
}
