package dev.jgi.assets.index;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.ClosedDirectoryStreamException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A root directory an index serves from, held open for the index's lifetime. A file found at start-up
 * is opened again per request by its real path: its directory is reached from the root's handle one
 * name at a time without following links, and the file is opened in it without following a link
 * ({@code openat} with {@code O_NOFOLLOW}), so a link swapped in after start-up cannot lead out of
 * the root, whatever it points at and however the swap races the open. Links the scanner followed at
 * start-up stay valid: their targets' real paths were recorded then.
 *
 * <p>The directories reached are held open too (up to {@value #MAX_HELD}), so a request costs one
 * {@code fstat} and one {@code stat} (the held handle is still the directory at its path: a deploy or a
 * dev-mode build may replace directories) and one {@code openat}, whatever the depth.
 *
 * <p>Where the platform has no {@link SecureDirectoryStream}, the file is opened by path without
 * following a link in its last name, and its real path is checked after the open instead.
 */
final class AssetRoot implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AssetRoot.class.getName());

    /** Directories held open at most per root (two descriptors each); beyond, they are walked to per request. */
    private static final int MAX_HELD = 256;

    private final Path path;
    private final Path here;
    /** False where the platform has no secure directory streams. */
    private final boolean secure;
    /** Handles on the directories files were opened in, by path relative to the root ({@code ""} for it). */
    private final Map<Path, SecureDirectoryStream<Path>> held = new ConcurrentHashMap<>();

    private AssetRoot(Path path, boolean secure) {
        this.path = path;
        this.here = path.getFileSystem().getPath("");
        this.secure = secure;
    }

    /** Holds {@code realPath}, a directory's real path, open. */
    @SuppressWarnings("StreamResourceLeak") // Held open on purpose, for the server's life: close() closes it.
    static AssetRoot hold(Path realPath) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(realPath);
        AssetRoot root = new AssetRoot(realPath, stream instanceof SecureDirectoryStream);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            root.held.put(root.here, secure);
        } else {
            stream.close();
        }
        return root;
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
        if (!secure) {
            return openByPath(relative);
        }
        Path parent = relative.getParent() == null ? here : relative.getParent();
        try {
            return openIn(directory(parent), relative);
        } catch (ClosedDirectoryStreamException replaced) {
            // Another request found the held handle stale and closed it while this one used it.
            return openIn(directory(parent), relative);
        }
    }

    private FileChannel openIn(Directory dir, Path relative) throws IOException {
        Path name = relative.getFileName();
        try {
            SeekableByteChannel channel =
                    dir.stream().newByteChannel(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
            if (channel instanceof FileChannel file) {
                return file;
            }
            channel.close();
            throw new IOException("the platform opened " + relative + " as a "
                    + channel.getClass().getName());
        } catch (IOException e) {
            throw refusedIfLink(dir.stream(), name, relative, e);
        } finally {
            if (!dir.held()) {
                dir.stream().close();
            }
        }
    }

    /** A directory handle, and whether it is held (else the caller closes it). */
    private record Directory(SecureDirectoryStream<Path> stream, boolean held) {}

    /**
     * The directory at {@code parent} below the root: the held handle while it still is the
     * directory at that path (a deploy or a dev-mode build may replace directories), else one walked
     * to from the root, one name at a time without following links, and held when there is room.
     */
    private Directory directory(Path parent) throws IOException {
        SecureDirectoryStream<Path> known = held.get(parent);
        if (known != null) {
            if (current(known, parent)) {
                return new Directory(known, true);
            }
            if (held.remove(parent, known)) {
                known.close();
            }
        }
        SecureDirectoryStream<Path> fresh = parent.equals(here) ? holdRoot() : walk(parent);
        if (held.size() < MAX_HELD && held.putIfAbsent(parent, fresh) == null) {
            return new Directory(fresh, true);
        }
        return new Directory(fresh, false);
    }

    private boolean current(SecureDirectoryStream<Path> known, Path parent) {
        try {
            Object heldKey = known.getFileAttributeView(BasicFileAttributeView.class)
                    .readAttributes()
                    .fileKey();
            return heldKey != null
                    && heldKey.equals(Files.readAttributes(path.resolve(parent), BasicFileAttributes.class)
                            .fileKey());
        } catch (IOException | ClosedDirectoryStreamException e) {
            return false;
        }
    }

    // Checked by secure: this file system's streams are secure ones. Held open, as in hold().
    @SuppressWarnings({"unchecked", "StreamResourceLeak"})
    private SecureDirectoryStream<Path> holdRoot() throws IOException {
        return (SecureDirectoryStream<Path>) Files.newDirectoryStream(path);
    }

    private SecureDirectoryStream<Path> walk(Path parent) throws IOException {
        Directory root = directory(here);
        SecureDirectoryStream<Path> dir = root.stream();
        for (Path name : parent) {
            SecureDirectoryStream<Path> next;
            try {
                next = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw refusedIfLink(dir, name, parent, e);
            } finally {
                if (dir != root.stream() || !root.held()) {
                    dir.close();
                }
            }
            dir = next;
        }
        return dir;
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
        for (SecureDirectoryStream<Path> stream : held.values()) {
            try {
                stream.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing a handle below {0}: {1}", path, e.toString());
            }
        }
        held.clear();
    }
}
