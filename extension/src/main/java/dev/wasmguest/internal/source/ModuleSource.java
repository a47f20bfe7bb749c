package dev.wasmguest.internal.source;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Where a guest module comes from. Values are immutable and compare by what they point at, so they can key
 * the per-JVM store of compiled modules.
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface ModuleSource permits UrlSource, FileSource, ResourceSource, BytesSource {

    /** How messages name the module: a URL, a path, a resource name. */
    String describe();

    /** The module's file name, the default {@code argv[0]} of a run. */
    String fileName();

    /**
     * Parses a URL given by a user: {@code http} and {@code https} URLs are downloaded, {@code file} URLs
     * read in place.
     *
     * @throws IllegalArgumentException for a malformed URL or another scheme
     */
    static ModuleSource ofUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: \"" + url + "\" (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http":
            case "https":
                return new UrlSource(uri);
            case "file":
                return new FileSource(Path.of(uri));
            default:
                throw new IllegalArgumentException("unsupported URL \"" + url
                        + "\": use an http, https or file URL, or the 'resource' or 'file' attribute");
        }
    }

    /** The last segment of a slash-separated path, without query or fragment. */
    static String lastSegment(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
