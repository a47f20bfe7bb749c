package dev.wasmguest.internal.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import org.apiguardian.api.API;

/** A module read from the file system at every load; never cached. */
@API(status = INTERNAL, since = "0.1")
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
