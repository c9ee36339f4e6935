package dev.jgi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerJvmTest {

    private final ServerJvm jvm = new ServerJvm(
            Path.of("/jdk/bin/java"),
            List.of(
                    new File("/m2/gateway-server.jar"),
                    new File("/m2/jboss-logging-3.6.1.Final.jar"),
                    new File("/m2/undertow-core-2.4.4.Final.jar"),
                    new File("/m2/smallrye-common-cpu-2.13.jar")),
            List.of("-Xmx256m"));

    @Test
    void runsTheServerModuleWithJbossSupportLibrariesOnTheClassPath() {
        List<String> line = jvm.command(List.of("serve", "--reload", "true"));

        assertThat(line)
                .containsSubsequence(
                        "/jdk/bin/java",
                        "--add-exports",
                        "java.base/sun.nio.ch=dev.jgi.server",
                        "-Xmx256m",
                        "--module-path",
                        "/m2/gateway-server.jar:/m2/undertow-core-2.4.4.Final.jar",
                        "-cp",
                        "/m2/jboss-logging-3.6.1.Final.jar:/m2/smallrye-common-cpu-2.13.jar",
                        "--module",
                        "dev.jgi.server/dev.jgi.server.cli.Main",
                        "serve",
                        "--reload",
                        "true");
        assertThat(line.subList(line.size() - 3, line.size())).containsExactly("serve", "--reload", "true");
    }

    @Test
    void javaOptionsOfTheVariableComeBeforeThePluginsOwn() {
        ServerJvm configured = ServerJvm.ofMavensJava(List.of(), " -Da=1  -Db=2 ", "-Xmx1g");

        assertThat(configured.jvmOptions()).containsExactly("-Da=1", "-Db=2", "-Xmx1g");
        assertThat(configured.launcher()).endsWith(Path.of("bin", "java"));
    }
}
