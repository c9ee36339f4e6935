package dev.jgi.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/** Copies a file region to a stream, for adapters whose peer cannot send files itself. */
final class FileCopy {

    private FileCopy() {}

    static void copy(Path path, long offset, OptionalLong length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long remaining = length.orElse(channel.size() - offset);
            long position = offset;
            ByteBuffer buffer = ByteBuffer.allocate(SyncOnAsync.CHUNK);
            while (remaining > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException("file shorter than its region: " + path);
                }
                out.write(buffer.array(), 0, n);
                position += n;
                remaining -= n;
            }
        }
    }
}
