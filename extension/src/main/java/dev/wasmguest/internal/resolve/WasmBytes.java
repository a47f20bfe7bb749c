package dev.wasmguest.internal.resolve;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.GuestResolutionException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Checks that bytes are a WebAssembly binary, a core module or a component, before anything caches, parses or runs
 * them.
 */
@API(status = INTERNAL, since = "0.1")
public final class WasmBytes {

    private static final Pattern TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_TITLE = 120;

    private static final byte[] MAGIC_AND_VERSION = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    private static final int EXCERPT_BYTES = 120;

    private WasmBytes() {}

    public static boolean hasWasmHeader(byte[] bytes) {
        if (bytes.length < MAGIC_AND_VERSION.length) {
            return false;
        }
        for (int i = 0; i < MAGIC_AND_VERSION.length; i++) {
            if (bytes[i] != MAGIC_AND_VERSION[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes start as a component: the wasm magic, any version, then the layer 1. */
    public static boolean hasComponentHeader(byte[] bytes) {
        return bytes.length >= 8
                && bytes[0] == 0
                && bytes[1] == 'a'
                && bytes[2] == 's'
                && bytes[3] == 'm'
                && bytes[6] == 1
                && bytes[7] == 0;
    }

    /**
     * @throws GuestResolutionException saying what the bytes look like instead (HTML, text, a newer format, ...)
     */
    public static void requireWasm(String source, byte[] bytes) {
        if (hasWasmHeader(bytes) || hasComponentHeader(bytes)) {
            return;
        }
        throw new GuestResolutionException(
                source,
                describeNonModule(bytes)
                        + "; check that the source points at a .wasm file and not at a web page or a text file");
    }

    private static String describeNonModule(byte[] bytes) {
        if (bytes.length == 0) {
            return "received 0 bytes, not a wasm module";
        }
        if (looksLikeHtml(bytes)) {
            return "received " + describeHtml(bytes) + ", not a wasm module";
        }
        if (bytes.length >= 8 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm') {
            return "a WebAssembly binary of version/layer " + hexOf(bytes, 4, 8)
                    + " (a newer format), neither a core module of version 1 nor a component";
        }
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 'a' && bytes[2] == 's' && bytes[3] == 'm') {
            return "the file ends after " + bytes.length + " bytes, inside the wasm header";
        }
        return "not a wasm module: it does not start with the bytes 00 61 73 6d 01 00 00 00 (starts with: "
                + excerpt(bytes) + ")";
    }

    static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html")
                || head.startsWith("<html")
                || head.startsWith("<head")
                || head.startsWith("<body")
                || head.startsWith("<?xml") && head.contains("<html");
    }

    /** {@code an HTML page}, and its title when its first bytes name one. */
    static String describeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8);
        Matcher title = TITLE.matcher(head);
        if (!title.find()) {
            return "an HTML page";
        }
        String text = title.group(1)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
        if (text.length() > MAX_TITLE) {
            text = text.substring(0, MAX_TITLE) + "…";
        }
        return text.isEmpty() ? "an HTML page" : "an HTML page titled \"" + text + "\"";
    }

    /** The first bytes as text when they are printable, else as hex; for error messages. */
    public static String excerpt(byte[] bytes) {
        int length = Math.min(bytes.length, EXCERPT_BYTES);
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        boolean printable = text.chars().allMatch(c -> c >= 0x20 && c != 0xFFFD || c == '\n' || c == '\r' || c == '\t');
        String shown = printable ? "\"" + text.replace("\r", "").replace("\n", "\\n") + "\"" : hexOf(bytes, 0, length);
        return bytes.length > length ? shown + "…" : shown;
    }

    private static String hexOf(byte[] bytes, int from, int to) {
        StringBuilder hex = new StringBuilder();
        for (int i = from; i < to; i++) {
            hex.append(i > from ? " " : "").append(String.format("%02x", bytes[i] & 0xff));
        }
        return hex.toString();
    }
}
