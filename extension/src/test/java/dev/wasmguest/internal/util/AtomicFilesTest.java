package dev.wasmguest.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader sees the old file or the whole new one, never a part; nothing is left beside the file, and what a writer
 * that is gone left is removed while what a writer at work holds is kept.
 */
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

    @Test
    void aContentThatFailsLeavesTheTargetUntouchedAndNoTemporaryFile() throws IOException {
        Path target = directory.resolve("entry.bin");
        Files.write(target, new byte[] {7});
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(new byte[100]), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });

        assertThatThrownBy(() -> AtomicFiles.write(target, failing)).hasMessage("connection reset");

        assertThat(target).hasBinaryContent(new byte[] {7});
        assertThat(files()).containsExactly(target);
    }

    @Test
    void removesTheTemporaryFilesOfWritersThatAreGone() throws IOException {
        Path abandoned = directory.resolve(".entry.bin.8675309.wasmguest.tmp");
        Files.write(abandoned, new byte[] {1, 2});
        Path someoneElses = Files.writeString(directory.resolve(".profile.tmp"), "not ours");

        AtomicFiles.removeAbandoned(directory);

        assertThat(files()).containsExactly(someoneElses);
    }

    @Test
    void keepsTheTemporaryFileOfAWriterAtWork() throws Exception {
        Path target = directory.resolve("entry.bin");
        CountDownLatch halfWritten = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        InputStream slow = new SequenceInputStream(new ByteArrayInputStream(new byte[] {1, 2}), new InputStream() {
            private boolean waited;

            @Override
            public int read() throws IOException {
                if (!waited) {
                    waited = true;
                    halfWritten.countDown();
                    awaitUninterruptibly(goOn);
                    return 3;
                }
                return -1;
            }
        });
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = writer.submit(() -> {
                AtomicFiles.write(target, slow);
                return null;
            });
            assertThat(halfWritten.await(1, TimeUnit.MINUTES)).isTrue();

            AtomicFiles.removeAbandoned(directory);

            assertThat(files())
                    .singleElement()
                    .satisfies(temp -> assertThat(temp.getFileName().toString())
                            .startsWith(".entry.bin.")
                            .endsWith(".wasmguest.tmp"));
            goOn.countDown();
            write.get(1, TimeUnit.MINUTES);
        } finally {
            writer.shutdownNow();
        }
        assertThat(target).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(files()).containsExactly(target);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
