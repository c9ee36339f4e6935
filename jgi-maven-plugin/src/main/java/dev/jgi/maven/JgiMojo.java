package dev.jgi.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

/** What the goals share: running a {@code jgi} command in a JVM of its own. */
abstract class JgiMojo extends AbstractMojo {

    /** The plugin, whose dependencies are the server's jars. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /**
     * Options for the server's JVM, separated by spaces (for example {@code -Xmx512m}); added after
     * those of the {@code JGI_JAVA_OPTS} variable, which {@code bin/jgi} reads too.
     */
    @Parameter(property = "jgi.jvmArgs")
    private String jvmArgs;

    /** Runs {@code jgi ARGUMENTS} in {@code directory}; fails the build unless it exits 0. */
    final void jgi(List<String> arguments, File directory) throws MojoExecutionException, MojoFailureException {
        List<File> serverJars = plugin.getArtifacts().stream()
                .filter(artifact ->
                        !artifact.getId().equals(plugin.getPluginArtifact().getId()))
                .map(Artifact::getFile)
                .toList();
        List<String> command = ServerJvm.ofMavensJava(serverJars, System.getenv("JGI_JAVA_OPTS"), jvmArgs)
                .command(arguments);
        getLog().debug("jgi: " + String.join(" ", command));
        int exit;
        try {
            exit = ServerProcess.run(command, directory);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start the server's JVM: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while jgi " + arguments.getFirst() + " ran", e);
        }
        if (exit != 0) {
            throw new MojoFailureException(
                    "jgi " + arguments.getFirst() + " exited with " + exit + "; its message is above");
        }
    }
}
