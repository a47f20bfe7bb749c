package dev.wasmguest.internal.wasip2;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paths below a descriptor resolve as cap-std resolves them: never above the descriptor's own directory. */
class PathWalkTest {

    private FileSystem fileSystem;
    private Descriptor data;

    @BeforeEach
    void preopen() throws IOException {
        fileSystem = Jimfs.newFileSystem(Configuration.unix());
        Path root = Files.createDirectories(fileSystem.getPath("/data"));
        Files.writeString(Files.createDirectories(root.resolve("dir/nested")).resolve("file"), "x");
        Files.createSymbolicLink(root.resolve("link"), fileSystem.getPath("dir/nested"));
        Files.createSymbolicLink(root.resolve("absolute"), fileSystem.getPath("/data/dir"));
        Files.createSymbolicLink(root.resolve("climbing"), fileSystem.getPath("../data/dir"));
        Files.createSymbolicLink(root.resolve("loop"), fileSystem.getPath("loop"));
        data = Descriptor.preopen(root, false);
    }

    @AfterEach
    void close() throws IOException {
        fileSystem.close();
    }

    private static ErrorCode refusal(Descriptor directory, String path) {
        try {
            PathWalk.resolve(directory, path, true);
        } catch (PathWalk.Refused refused) {
            return refused.code;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError(path + " was not refused");
    }

    @Test
    void namesDotsAndSymlinksInsideResolve() throws IOException {
        assertThat(PathWalk.resolve(data, "dir/.//nested/../nested///./file", false))
                .containsExactly("dir", "nested", "file");
        assertThat(PathWalk.resolve(data, "link/file", false)).containsExactly("dir", "nested", "file");
        assertThat(PathWalk.resolve(data, "link", false))
                .as("a last symlink, not followed")
                .containsExactly("link");
        assertThat(PathWalk.resolve(data, "link", true)).containsExactly("dir", "nested");
        assertThat(PathWalk.resolve(data, "dir/nested/", false)).containsExactly("dir", "nested");
    }

    @Test
    void nothingLeadsOutOfTheDirectory() {
        assertThat(refusal(data, "/data/dir")).isEqualTo(ErrorCode.NOT_PERMITTED);
        assertThat(refusal(data, "..")).isEqualTo(ErrorCode.NOT_PERMITTED);
        assertThat(refusal(data, "dir/../../data")).isEqualTo(ErrorCode.NOT_PERMITTED);
        assertThat(refusal(data, "absolute/nested")).isEqualTo(ErrorCode.NOT_PERMITTED);
        assertThat(refusal(data, "climbing/nested")).isEqualTo(ErrorCode.NOT_PERMITTED);
    }

    @Test
    void aDescriptorOpenedBelowIsASandboxOfItsOwn() throws IOException {
        Descriptor dir = data.at(List.of("dir"), true, Descriptor.READ);

        assertThat(PathWalk.resolve(dir, "nested/../nested/file", false)).containsExactly("dir", "nested", "file");
        assertThat(refusal(dir, "nested/../../dir/nested/file")).isEqualTo(ErrorCode.NOT_PERMITTED);
    }

    @Test
    void badPathsAreRefusedWithTheirCode() {
        assertThat(refusal(data, "")).isEqualTo(ErrorCode.NO_ENTRY);
        assertThat(refusal(data, "dir/nested/file\0")).isEqualTo(ErrorCode.ILLEGAL_BYTE_SEQUENCE);
        assertThat(refusal(data, "dir/nested/file/")).isEqualTo(ErrorCode.NOT_DIRECTORY);
        assertThat(refusal(data, "loop/x")).isEqualTo(ErrorCode.LOOP);
        assertThat(refusal(data.at(List.of("dir", "nested", "file"), false, Descriptor.READ), "x"))
                .isEqualTo(ErrorCode.NOT_DIRECTORY);
    }
}
