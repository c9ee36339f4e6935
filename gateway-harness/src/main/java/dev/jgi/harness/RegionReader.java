package dev.jgi.harness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/** Reads a file region into memory: the harness delivers whole responses, so size is no concern. */
final class RegionReader {

    private RegionReader() {}

    static ByteBuffer read(Path path, long offset, OptionalLong length) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer region = ByteBuffer.allocate(Math.toIntExact(length.orElse(channel.size() - offset)));
            int read = 0;
            while (region.hasRemaining() && read >= 0) {
                read = channel.read(region, offset + region.position());
            }
            if (region.hasRemaining()) {
                throw new IOException("the file is shorter than its region: " + path);
            }
            return region.flip();
        }
    }
}
