package dev.jgi.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.jgi.server.ServerConfig;
import dev.jgi.server.runtime.BindAddress;
import dev.jgi.testing.JgiProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests of {@code docs/deploy/kubernetes/}, read as YAML and held against the server: the
 * container's arguments and variables are given to {@code jgi serve --print-config}, so that the
 * settings checked are the ones the server would run with (its {@code @Setting} defaults, the
 * {@code JGI_*} variables, {@code PORT}), not a copy of them.
 */
class KubernetesManifestsIT {

    private static final Path DIR = JgiProcess.root().resolve("docs/deploy/kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode deployment;
    private static JsonNode pod;
    private static JsonNode container;
    private static ServerConfig config;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void readTheDeploymentAsTheServerWould() throws Exception {
        deployment = read("deployment.yaml");
        pod = deployment.path("spec").path("template").path("spec");
        assertThat(pod.path("containers")).hasSize(1);
        container = pod.path("containers").get(0);

        Map<String, String> environment = new HashMap<>();
        for (JsonNode variable : container.path("env")) {
            // Secrets are not in the manifest: a stand-in value of the same kind.
            environment.put(
                    variable.path("name").asText(),
                    variable.has("value") ? variable.path("value").asText() : "from-a-secret");
        }
        List<String> arguments = new ArrayList<>(List.of("serve", "--print-config"));
        for (JsonNode argument : container.path("args")) {
            String text = argument.asText();
            if (text.startsWith("--admin-token-file=")) {
                // The mounted secret's file, here a real one the server can read.
                Path token = Files.writeString(scratch.resolve("token"), "stand-in-admin-token\n");
                text = "--admin-token-file=" + token;
            }
            arguments.add(text);
        }
        JgiProcess printed = JgiProcess.run(environment, arguments.toArray(String[]::new));
        assertThat(printed.exitCode()).as(printed.output()).isZero();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : printed.stdout().lines().toList()) {
            int equals = line.indexOf(" = ");
            if (equals > 0) {
                settings.put(line.substring(0, equals), line.substring(equals + 3));
            }
        }
        config = ServerConfig.fromText(settings);
    }

    @Test
    void appPortIsWhereTheServerListens() {
        assertThat(config.binds()).hasSize(1);
        int port = BindAddress.parse(config.binds().getFirst()).port();
        assertThat(containerPort("http")).isEqualTo(port);
        assertThat(BindAddress.parse(config.binds().getFirst()).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void probesAskTheAdminListener() {
        int admin = BindAddress.parse(config.adminBind()).port();
        assertThat(containerPort("admin")).isEqualTo(admin);
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/readyz");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(container.path(probe).path("httpGet").path("port").asText())
                    .as(probe)
                    .isEqualTo("admin");
        }
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/livez");
        // Off loopback the admin listener asks for a token, from the Secret's file.
        assertThat(config.adminTokenFile()).isNotEmpty();
    }

    @Test
    void graceOutlastsThePreStopPauseAndTheGracefulShutdown() {
        long preStop = container
                .path("lifecycle")
                .path("preStop")
                .path("sleep")
                .path("seconds")
                .asLong(-1);
        assertThat(preStop).as("a preStop pause").isPositive();
        long grace = pod.path("terminationGracePeriodSeconds").asLong(-1);
        assertThat(grace).isGreaterThan(preStop + config.gracefulTimeout().toSeconds());
        // And that timeout is the server's default unless the manifest sets another.
        if (!container.path("args").toString().contains("graceful-timeout")) {
            assertThat(config.gracefulTimeout())
                    .isEqualTo(ServerConfig.defaults().gracefulTimeout());
        }
    }

    @Test
    void requestsResourcesTheAutoscalerScalesOn() throws IOException {
        JsonNode requests = container.path("resources").path("requests");
        assertThat(requests.path("cpu").asText()).isNotEmpty();
        assertThat(requests.path("memory").asText()).isNotEmpty();
        JsonNode hpa = read("hpa.yaml");
        assertThat(hpa.path("kind").asText()).isEqualTo("HorizontalPodAutoscaler");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("kind").asText())
                .isEqualTo("Deployment");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText())
                .isEqualTo(deployment.path("metadata").path("name").asText());
        assertThat(hpa.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.path("spec")
                        .path("metrics")
                        .get(0)
                        .path("resource")
                        .path("name")
                        .asText())
                .isEqualTo("cpu");
    }

    @Test
    void serviceSelectsThePodsAndTargetsTheAppPort() throws IOException {
        JsonNode service = read("service.yaml");
        JsonNode labels =
                deployment.path("spec").path("template").path("metadata").path("labels");
        service.path("spec")
                .path("selector")
                .properties()
                .forEach(selector -> assertThat(labels.path(selector.getKey()).asText())
                        .isEqualTo(selector.getValue().asText()));
        assertThat(deployment.path("spec").path("selector").path("matchLabels"))
                .isEqualTo(service.path("spec").path("selector"));
        assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText())
                .isEqualTo("http");
    }

    @Test
    void databaseUrlAndSecretsComeFromTheSecret() throws IOException {
        JsonNode secret = read("secret.example.yaml");
        String name = secret.path("metadata").path("name").asText();
        JsonNode keys = secret.path("stringData");
        Map<String, JsonNode> fromSecrets = new HashMap<>();
        for (JsonNode variable : container.path("env")) {
            JsonNode reference = variable.path("valueFrom").path("secretKeyRef");
            if (!reference.isMissingNode()) {
                fromSecrets.put(variable.path("name").asText(), reference);
            }
        }
        assertThat(fromSecrets).containsKeys("DATABASE_URL", "SECRET_KEY");
        fromSecrets.values().forEach(reference -> {
            assertThat(reference.path("name").asText()).isEqualTo(name);
            assertThat(keys.has(reference.path("key").asText())).isTrue();
        });
        assertThat(keys.path("database-url").asText()).startsWith("postgres://");
        JsonNode tokenVolume = pod.path("volumes").get(0);
        assertThat(tokenVolume.path("secret").path("secretName").asText()).isEqualTo(name);
        String mount = container.path("volumeMounts").get(0).path("mountPath").asText();
        String file =
                tokenVolume.path("secret").path("items").get(0).path("path").asText();
        assertThat(container.path("args").toString()).contains("--admin-token-file=" + mount + "/" + file);
    }

    private static int containerPort(String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no container port named " + name);
    }

    private static JsonNode read(String file) throws IOException {
        return YAML.readTree(DIR.resolve(file).toFile());
    }
}
