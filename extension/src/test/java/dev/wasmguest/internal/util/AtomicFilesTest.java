package dev.wasmguest.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader sees the old file or the whole new one, never a part; nothing is left beside the file. */
class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void writesTheBytesCreatingTheDirectoriesAndLeavesNoTemporaryFile() throws IOException {
        Path target = directory.resolve("a/b/entry.bin");

        AtomicFiles.write(target, new byte[] {1, 2, 3});

        assertThat(target).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(files()).containsExactly(target);
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = directory.resolve("entry.bin");
        Files.write(target, new byte[] {9, 9, 9, 9, 9});

        AtomicFiles.write(target, new byte[] {1});

        assertThat(target).hasBinaryContent(new byte[] {1});
    }

    @Test
    void concurrentReadersSeeOnlyWholeVersions() throws Exception {
        Path target = directory.resolve("entry.bin");
        byte[] small = filled(1_000, (byte) 'a');
        byte[] large = filled(4_000_000, (byte) 'b');
        AtomicFiles.write(target, small);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writes = writer.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    AtomicFiles.write(target, i % 2 == 0 ? large : small);
                }
                return null;
            });
            while (!writes.isDone()) {
                byte[] read = Files.readAllBytes(target);
                assertThat(Arrays.equals(read, small) || Arrays.equals(read, large))
                        .as("a read of %d bytes is one whole version", read.length)
                        .isTrue();
            }
            writes.get(1, TimeUnit.MINUTES);
        } finally {
            writer.shutdownNow();
        }
        assertThat(files()).containsExactly(target);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = directory.resolve("entry");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "a directory that no file can replace");

        assertThatThrownBy(() -> AtomicFiles.write(target, new byte[] {1})).isInstanceOf(IOException.class);

        assertThat(files()).containsExactly(target.resolve("inside"));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
