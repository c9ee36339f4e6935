package dev.jgi.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn package jgi:collect-static -Djgi.to=DIR}: runs {@code jgi collect-static} on the
 * project's jar, which copies the files of its {@code static/} folder into {@code DIR} under their
 * logical and content-hashed names, with a manifest and precompressed variants, or uploads them to
 * {@code s3://BUCKET/PREFIX} (docs/static-assets.md). Bound to {@code package} when listed in the
 * POM's executions.
 */
@Mojo(name = "collect-static", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class CollectStaticMojo extends JgiMojo {

    /** The app jar or folder whose static files are collected; by default the project's jar. */
    @Parameter(property = "jgi.source", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    private File source;

    /** Where the files go: a directory, or {@code s3://BUCKET/PREFIX}. */
    @Parameter(property = "jgi.to", required = true)
    private String to;

    /** The project's folder, where relative paths start. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** Creates the goal; Maven sets its parameters. */
    public CollectStaticMojo() {}

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!source.exists()) {
            throw new MojoFailureException(
                    source + " does not exist: run the package phase first (mvn package jgi:collect-static)");
        }
        jgi(List.of("collect-static", source.getPath(), "--to", to), basedir);
    }
}
