package dev.wasmguest.internal.source;

import java.nio.file.Path;

/** A module read from the file system at every load; never cached. */
public record FileSource(Path path) implements ModuleSource {

    public FileSource {
        path = path.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public String fileName() {
        return path.getFileName().toString();
    }
}
