package dev.wasmguest.internal.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import org.apiguardian.api.API;

/** A module downloaded over HTTP(S) and kept in the disk cache. */
@API(status = INTERNAL, since = "0.1")
public record UrlSource(URI uri) implements ModuleSource {

    @Override
    public String describe() {
        return uri.toString();
    }

    @Override
    public String fileName() {
        String name = ModuleSource.lastSegment(uri.getPath() == null ? "" : uri.getPath());
        return name.isEmpty() ? uri.getHost() : name;
    }
}
