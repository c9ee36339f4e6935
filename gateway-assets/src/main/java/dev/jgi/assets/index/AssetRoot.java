package dev.jgi.assets.index;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A root directory an index serves from, held open for the index's lifetime. A file found at start-up
 * is opened again per request by its real path below this handle, one name at a time and without
 * following links ({@code openat} with {@code O_NOFOLLOW}), so a link swapped in after start-up cannot
 * lead out of the root, whatever it points at and however the swap races the open. Links the
 * scanner followed at start-up stay valid: their targets' real paths were recorded then.
 *
 * <p>Where the platform has no {@link SecureDirectoryStream}, the file is opened by path without
 * following a link in its last name, and its real path is checked after the open instead.
 */
final class AssetRoot implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AssetRoot.class.getName());

    private final Path path;
    /** Null where the platform has no secure directory streams. */
    private final SecureDirectoryStream<Path> handle;

    private AssetRoot(Path path, SecureDirectoryStream<Path> handle) {
        this.path = path;
        this.handle = handle;
    }

    /** Holds {@code realPath}, a directory's real path, open. */
    static AssetRoot hold(Path realPath) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(realPath);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return new AssetRoot(realPath, secure);
        }
        stream.close();
        return new AssetRoot(realPath, null);
    }

    /** The root's real path. */
    Path path() {
        return path;
    }

    /** The real path of {@code file}, below this root, relative to it. */
    Path relativeRealPath(Path file) throws IOException {
        Path real = file.toRealPath();
        if (!real.startsWith(path)) {
            throw new NoSuchFileException(file.toString(), null, "leads out of the asset root " + path);
        }
        return path.relativize(real);
    }

    /**
     * Opens {@code relative}, a {@linkplain #relativeRealPath real relative path}, for reading.
     *
     * @throws NoSuchFileException when the file is gone, or a link took the place of one of its names
     *     since start-up (logged as a warning)
     * @throws IOException when it cannot be opened otherwise
     */
    FileChannel open(Path relative) throws IOException {
        if (handle == null) {
            return openByPath(relative);
        }
        List<SecureDirectoryStream<Path>> opened = new ArrayList<>();
        SecureDirectoryStream<Path> dir = handle;
        try {
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                dir = descend(dir, relative, i);
                opened.add(dir);
            }
            Path name = relative.getFileName();
            SeekableByteChannel channel;
            try {
                channel = dir.newByteChannel(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            } catch (IOException e) {
                throw refusedIfLink(dir, name, relative, e);
            }
            if (channel instanceof FileChannel file) {
                return file;
            }
            channel.close();
            throw new IOException("the platform opened " + relative + " as a "
                    + channel.getClass().getName());
        } finally {
            for (SecureDirectoryStream<Path> stream : opened) {
                stream.close();
            }
        }
    }

    private SecureDirectoryStream<Path> descend(SecureDirectoryStream<Path> dir, Path relative, int i)
            throws IOException {
        Path name = relative.getName(i);
        try {
            return dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw refusedIfLink(dir, name, relative, e);
        }
    }

    /**
     * {@code failure}, or a NoSuchFileException when {@code name} in {@code dir} is now a link: the
     * JDK reports {@code O_NOFOLLOW}'s {@code ELOOP} as a plain IOException, so the name is looked at.
     */
    private IOException refusedIfLink(SecureDirectoryStream<Path> dir, Path name, Path relative, IOException failure) {
        if (failure instanceof NoSuchFileException || failure instanceof AccessDeniedException) {
            return failure;
        }
        boolean link;
        try {
            link = dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes()
                    .isSymbolicLink();
        } catch (IOException e) {
            return failure;
        }
        return link ? linkedOut(relative) : failure;
    }

    private FileChannel openByPath(Path relative) throws IOException {
        Path file = path.resolve(relative);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            if (e instanceof NoSuchFileException || !Files.isSymbolicLink(file)) {
                throw e;
            }
            throw linkedOut(relative);
        }
        try {
            if (file.toRealPath().equals(file)) {
                return channel;
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        channel.close();
        throw linkedOut(relative);
    }

    private NoSuchFileException linkedOut(Path relative) {
        Path file = path.resolve(relative);
        LOG.log(
                Level.WARNING,
                "not serving {0}: a symbolic link took the place of a file or directory found at start-up"
                        + " (links are not followed once the index is built)",
                file);
        return new NoSuchFileException(file.toString(), null, "a symbolic link replaced it after start-up");
    }

    @Override
    public void close() {
        if (handle != null) {
            try {
                handle.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing the handle of {0}: {1}", path, e.toString());
            }
        }
    }
}
