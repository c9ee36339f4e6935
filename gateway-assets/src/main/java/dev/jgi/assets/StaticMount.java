package dev.jgi.assets;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One {@code --static URL_PREFIX=DIR} option: serve the files below {@code directory} at
 * {@code prefix}.
 *
 * @param prefix the URL prefix
 * @param directory an existing directory, absolute and normalised
 */
public record StaticMount(UrlPrefix prefix, Path directory) {

    public StaticMount {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(directory, "directory");
        directory = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--static " + prefix + "=" + directory + ": not a directory");
        }
    }

    /**
     * Parses {@code URL_PREFIX=DIR}, such as {@code /media=./uploads}.
     *
     * @throws IllegalArgumentException with a message fit for the command line when the value is malformed,
     *     the prefix is invalid ({@link UrlPrefix}) or the directory does not exist
     */
    public static StaticMount parse(String option) {
        int equals = option.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("--static expects URL_PREFIX=DIR, such as /media=./uploads: " + option);
        }
        String dir = option.substring(equals + 1);
        if (dir.isEmpty()) {
            throw new IllegalArgumentException("--static " + option + ": the directory is missing");
        }
        UrlPrefix prefix;
        try {
            prefix = new UrlPrefix(option.substring(0, equals));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--static " + option + ": " + e.getMessage(), e);
        }
        try {
            return new StaticMount(prefix, Path.of(dir));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--static " + option + ": not a path: " + e.getMessage(), e);
        }
    }
}
