package dev.jgi.tck.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files whose regions the probes send [JGI-BODYOUT-1], and their content, which the tests
 * compute the same way. Route {@code /_tck/file/SIZE/OFFSET/LENGTH} answers the region of the
 * SIZE-byte file that starts at OFFSET and has LENGTH bytes, or runs to the end for {@code rest}.
 */
public final class ProbeFiles {

    /** Below 64 KiB, where servers commonly keep a file in memory. */
    public static final int SMALL = 40_000;

    /** Above 64 KiB, where servers commonly send a file from disk. */
    public static final int LARGE = 200_000;

    private static final Map<Integer, Path> FILES = new ConcurrentHashMap<>();

    /** One region of a probe file, as a route names it. */
    record Region(Path file, long offset, OptionalLong length) {

        static Region of(String argument) {
            String[] parts = argument.split("/", -1);
            int size = Integer.parseInt(parts[0]);
            return new Region(
                    fileOfSize(size),
                    Long.parseLong(parts[1]),
                    parts[2].equals("rest") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(parts[2])));
        }

        /** How many bytes the region has. */
        long count() {
            return length.orElse(fileSize() - offset);
        }

        /** The region's bytes, for a server without file sending. */
        byte[] bytes() throws IOException {
            return java.util.Arrays.copyOfRange(Files.readAllBytes(file), (int) offset, (int) (offset + count()));
        }

        private long fileSize() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ProbeFiles() {}

    /**
     * The content of the {@code size}-byte probe file: printable ASCII that never repeats with a
     * short period, so a region sent from a wrong offset shows, and HTTP/2 clients may read it as text.
     */
    public static byte[] content(int size) {
        Random random = new Random(size);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) ('!' + random.nextInt('~' - '!' + 1));
        }
        return bytes;
    }

    private static Path fileOfSize(int size) {
        return FILES.computeIfAbsent(size, s -> {
            try {
                Path file = Files.createTempFile("jgi-tck-region-" + s + "-", ".bin");
                file.toFile().deleteOnExit();
                return Files.write(file, content(s));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
