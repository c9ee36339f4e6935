package dev.jgi.bench.assets;

import dev.jgi.assets.index.AssetIndex;
import dev.jgi.assets.index.IndexOptions;
import dev.jgi.assets.index.Representation;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What opening a static file kept on disk costs per request: by path, as the server did before
 * (links followed), against below the root's held handle one name at a time without following links
 * ({@link Representation#open}), for a file at the root's top and one three directories down. Each
 * opened file is closed in the same iteration. Needs the jgi-server profile: gateway-assets comes with
 * the server.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StaticOpenBenchmark {

    @Param({"big.bin", "a/b/c/big.bin"})
    public String file;

    private Path root;
    private AssetIndex index;
    private Representation form;

    @Setup(Level.Trial)
    public void index() throws IOException {
        root = Files.createTempDirectory("jgi-static-open-");
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.write(path, new byte[1024 * 1024]);
        index = AssetIndex.ofDirectories(List.of(root), IndexOptions.defaults());
        form = index.find(file).orElseThrow().identity();
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        index.close();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Benchmark
    public long byPath() throws IOException {
        try (FileChannel channel = FileChannel.open(form.file(), StandardOpenOption.READ)) {
            return channel.size();
        }
    }

    @Benchmark
    public long belowTheRoot() throws IOException {
        try (FileChannel channel = form.open()) {
            return channel.size();
        }
    }
}
