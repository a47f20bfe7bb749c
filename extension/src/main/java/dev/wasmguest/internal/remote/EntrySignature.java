package dev.wasmguest.internal.remote;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apiguardian.api.API;

/**
 * Authenticates compiled-code entries of the remote cache: an HMAC-SHA256, under a secret key, of the entry's name
 * and bytes, appended to them. Compiled code is JVM bytecode the test JVM loads and runs, so an entry anyone who can
 * write to the cache could have made must never be loaded: only the holders of the key (trusted builds) can make an
 * entry that verifies, and the name in the MAC keeps an authentic entry of one module from standing for another's.
 * Immutable and thread-safe.
 */
@API(status = INTERNAL, since = "0.1")
public final class EntrySignature {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;

    private final SecretKeySpec key;

    public EntrySignature(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("an empty key authenticates nothing");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** {@code content} with the MAC of {@code name} and {@code content} after it. */
    public byte[] signed(String name, byte[] content) {
        byte[] signed = Arrays.copyOf(content, content.length + MAC_BYTES);
        System.arraycopy(mac(name, content, content.length), 0, signed, content.length, MAC_BYTES);
        return signed;
    }

    /** The content of {@code signed}, when its MAC is that of {@code name} and the content under this key. */
    public Optional<byte[]> verified(String name, byte[] signed) {
        if (signed.length < MAC_BYTES) {
            return Optional.empty();
        }
        int length = signed.length - MAC_BYTES;
        byte[] expected = mac(name, signed, length);
        byte[] given = Arrays.copyOfRange(signed, length, signed.length);
        return MessageDigest.isEqual(expected, given) ? Optional.of(Arrays.copyOf(signed, length)) : Optional.empty();
    }

    private byte[] mac(String name, byte[] content, int length) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(content, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
    }
}
