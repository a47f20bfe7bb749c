package dev.wasmguest.suites.internal;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.UriSource;

/** Test sources that IDEs open on a click: files and directories, or URIs for suites inside jars. */
final class Sources {

    private Sources() {}

    static TestSource of(Path path) {
        if (path.getFileSystem() != FileSystems.getDefault()) {
            return UriSource.from(path.toUri());
        }
        return Files.isDirectory(path) ? DirectorySource.from(path.toFile()) : FileSource.from(path.toFile());
    }
}
