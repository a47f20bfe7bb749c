package dev.wasmguest.internal.util;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** SHA-256 digests as lower-case hex, the form used in cache file names and {@code sha256} attributes. */
@API(status = INTERNAL, since = "0.1")
public final class Sha256 {

    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {}

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /**
     * Normalises a user-given digest to lower-case hex.
     *
     * @throws IllegalArgumentException when it is not 64 hex digits
     */
    public static String normalize(String digest) {
        String normalized = digest.strip().toLowerCase(Locale.ROOT);
        if (normalized.startsWith("sha256:")) {
            normalized = normalized.substring("sha256:".length());
        }
        if (!HEX_DIGEST.matcher(normalized).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 hexadecimal digits, got \"" + digest + "\"");
        }
        return normalized;
    }
}
