package dev.wasmguest.it;

import dev.wasmguest.internal.util.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The program {@link KilledJvmCacheTest} kills between the write of a cache entry's temporary file and its rename:
 * writes the entry at {@code args[0]} with the bytes of the file {@code args[1]} through {@link AtomicFiles}, as the
 * cache does, from a content stream that stops after the first half and never ends. Prints {@code half written}
 * when it stops.
 */
public final class WriteHalfACacheEntry {

    private WriteHalfACacheEntry() {}

    public static void main(String[] args) throws IOException {
        byte[] whole = Files.readAllBytes(Path.of(args[1]));
        InputStream firstHalf = new ByteArrayInputStream(whole, 0, whole.length / 2);
        AtomicFiles.write(Path.of(args[0]), new SequenceInputStream(firstHalf, new NeverEnding()));
        throw new AssertionError("the write ended, but its content never does");
    }

    /** A stream that announces it has been reached, then blocks until the JVM is killed. */
    private static final class NeverEnding extends InputStream {

        @Override
        public int read() {
            System.out.println("half written");
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // only a kill ends this JVM
                }
            }
        }
    }
}
