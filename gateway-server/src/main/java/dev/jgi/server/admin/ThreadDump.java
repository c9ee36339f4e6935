package dev.jgi.server.admin;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A thread dump that includes virtual threads, in the JDK's text format: what
 * {@code jcmd PID Thread.dump_to_file } writes. {@code Thread.getAllStackTraces} would
 * miss every virtual thread, and so every sync request in flight.
 */
final class ThreadDump {

    private ThreadDump() {}

    static String text() {
        try {
            Path dir = Files.createTempDirectory("jgi-threads-");
            Path file = dir.resolve("threads.txt");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
                return Files.readString(file, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
