package dev.wasmguest.internal.source;

import java.net.URI;

/** A module downloaded over HTTP(S) and kept in the disk cache. */
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
