package dev.jgi.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Uploads in a local directory, {@code file:DIR?base-url=/media/}: each file is written to a
 * temporary dot-name in the directory, flushed to disk, and moved to its {@link MediaName} in one
 * atomic rename, so that a reader never sees half a file and a failure leaves only a temporary name
 * that is deleted at once. The app serves the files itself (through {@link #open}) at
 * {@code base-url} (default {@value #DEFAULT_BASE_URL}); the directory is created by the first upload.
 *
 * @param directory the directory, absolute and normalised
 * @param baseUrl the site-relative URL the app serves the directory at, ending with {@code /}
 */
public record LocalMediaStorage(Path directory, String baseUrl) implements MediaStorage {

    public static final String DEFAULT_BASE_URL = "/media/";

    private static final String TEMPORARY_PREFIX = ".upload-";

    public LocalMediaStorage {
        directory = directory.toAbsolutePath().normalize();
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!baseUrl.startsWith("/") || !baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("base-url starts and ends with '/', such as /media/: " + baseUrl);
        }
    }

    /** Opens {@code file:DIR}. */
    static LocalMediaStorage open(StorageUrl url) {
        url.requireOnly(Set.of("base-url"));
        return new LocalMediaStorage(
                Path.of(url.location()), url.parameter("base-url").orElse(DEFAULT_BASE_URL));
    }

    @Override
    public StoredMedia store(InputStream content, UploadRules rules) throws UploadRejected, IOException {
        Upload upload = Upload.begin(content, rules);
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, TEMPORARY_PREFIX, ".part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                upload.content().transferTo(out);
                channel.force(true);
            }
            Path target = directory.resolve(upload.name().value());
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "130 random bits repeated");
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return upload.stored();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            Optional<UploadRejected> rejected = Upload.rejection(e);
            if (rejected.isPresent()) {
                throw rejected.get();
            }
            throw e;
        }
    }

    @Override
    public Optional<MediaContent> open(MediaName name) throws IOException {
        Path file = directory.resolve(name.value());
        String type = name.type().map(ImageType::contentType).orElse("application/octet-stream");
        try {
            long size = Files.size(file);
            return Optional.of(new MediaContent(type, size, Files.newInputStream(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(MediaName name) throws IOException {
        return Files.deleteIfExists(directory.resolve(name.value()));
    }

    @Override
    public String url(MediaName name) {
        return baseUrl + name.value();
    }

    @Override
    public Optional<String> origin() {
        return Optional.empty();
    }
}
