package dev.wasmguest.internal.wasip2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The streams of a file that {@code read-via-stream}, {@code write-via-stream} and {@code append-via-stream} give:
 * each read or write opens the file, works at the stream's position and closes it again, so that a stream holds
 * nothing open and a guest that never drops one leaks nothing. The file is in the run's in-memory file system.
 */
final class FileStreams {

    private FileStreams() {}

    /** Reads {@code file} from {@code position} on. */
    static InputStream reading(Path file, long position) {
        return new InputStream() {
            private long at = position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
                    int read = channel.position(at).read(ByteBuffer.wrap(buffer, offset, length));
                    if (read > 0) {
                        at += read;
                    }
                    return read;
                }
            }
        };
    }

    /** Writes {@code file} from {@code position} on, or at its end each time when {@code append}. */
    static OutputStream writing(Path file, long position, boolean append) {
        return new OutputStream() {
            private long at = position;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                try (SeekableByteChannel channel =
                        Files.newByteChannel(file, append ? StandardOpenOption.APPEND : StandardOpenOption.WRITE)) {
                    if (!append) {
                        channel.position(at);
                    }
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, offset, length);
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    at += length;
                }
            }
        };
    }
}
