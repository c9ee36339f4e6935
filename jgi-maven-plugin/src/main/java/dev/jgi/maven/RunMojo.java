package dev.jgi.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code mvn jgi:run}: compiles the project, then serves its application on the reference server
 * from {@code target/classes} and the project's runtime class path, until Ctrl-C. Development
 * defaults, each overridable: {@code reload} is on (the server loads the app again whenever a
 * class or jar on that path changes, so {@code mvn compile} in another terminal is enough), so is
 * {@code dev} (error pages with stack traces, verbose logs, static files checked on disk at each
 * request), a {@code .env} file in the project's folder is the {@code env-file}, and the {@code
 * static/} folder of the project's resources is served from the source folder at {@code
 * jgi.staticPrefix}, so an edited stylesheet shows at the next request. Every other {@code jgi
 * serve} setting is a parameter too: {@code <settings><bind>127.0.0.1:8080</bind></settings>}, a
 * project property {@code jgi.bind}, or {@code -Djgi.bind=127.0.0.1:8080}; {@code PORT} and {@code
 * JGI_*} variables work as for {@code jgi serve}.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public final class RunMojo extends JgiMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /**
     * The application: a class implementing {@code Application} or {@code AsyncApplication} with a
     * public no-argument constructor, or {@code Class::factoryMethod}. The archetype's projects set
     * the property {@code jgi.app}, which their jar's manifest ({@code JGI-App}) names too.
     */
    @Parameter(property = "jgi.app")
    private String app;

    /**
     * The URL prefix of the resources' {@code static/} folder (the manifest's {@code
     * JGI-Static-Prefix}), for example {@code /static}; none when unset.
     */
    @Parameter(property = "jgi.staticPrefix")
    private String staticPrefix;

    /** A {@code .properties} file of settings ({@code jgi serve --config}); what the build sets wins over it. */
    @Parameter(property = "jgi.config")
    private File config;

    /** Any {@code jgi serve} setting by its name, for example {@code <max-body-size>1MiB</max-body-size>}. */
    @Parameter
    private Map<String, String> settings = Map.of();

    /** Creates the goal; Maven sets its parameters. */
    public RunMojo() {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (app == null || app.isBlank()) {
            throw new MojoFailureException("jgi:run needs the app: set the property jgi.app to its class "
                    + "(<properties><jgi.app>com.example.App</jgi.app></properties>, or -Djgi.app=com.example.App)");
        }
        ServeSettings serve;
        try {
            serve = ServeSettings.of(settings, project.getProperties(), session.getUserProperties());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        serve = serve.withDefault("reload", "true").withDefault("dev", "true");
        Path envFile = project.getBasedir().toPath().resolve(".env");
        if (Files.isRegularFile(envFile)) {
            serve = serve.withDefault("env-file", envFile.toString());
        }
        List<String> arguments = new ArrayList<>(List.of("serve"));
        arguments.addAll(serve.arguments());
        if (config != null) {
            arguments.addAll(List.of("--config", config.getPath()));
        }
        if (staticPrefix != null && !staticPrefix.isBlank()) {
            Optional<Path> folder = staticFolder();
            if (folder.isEmpty()) {
                throw new MojoFailureException("jgi.staticPrefix is " + staticPrefix
                        + ", but no resource folder of the project has a static/ folder");
            }
            arguments.addAll(List.of("--static", staticPrefix + "=" + folder.get()));
        }
        arguments.addAll(List.of("--classpath", String.join(File.pathSeparator, classPath()), app));
        jgi(arguments, project.getBasedir());
    }

    /** The first resource folder's {@code static/} in the sources, else the one copied to the classes. */
    private Optional<Path> staticFolder() {
        List<Path> candidates = new ArrayList<>();
        for (Resource resource : project.getResources()) {
            candidates.add(Path.of(resource.getDirectory()).resolve("static"));
        }
        candidates.add(Path.of(project.getBuild().getOutputDirectory()).resolve("static"));
        return candidates.stream().filter(Files::isDirectory).findFirst();
    }

    private List<String> classPath() throws MojoExecutionException {
        try {
            return project.getRuntimeClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the project's runtime class path is not resolved: " + e.getMessage(), e);
        }
    }
}
