package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmGuestSetting;
import dev.wasmguest.internal.config.ConfigValue;
import dev.wasmguest.internal.util.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * One of {@code count} shards of a suite run ({@code wasmguest.suites.shard=index/count}): a case belongs to exactly
 * one shard, chosen by a hash of its suite's and its own name. Names, not paths or unique ids, so that every job of a
 * CI matrix agrees wherever its checkout is, and a case keeps its shard when others are added.
 *
 * @param index from 1 to {@code count}
 */
@API(status = INTERNAL, since = "0.1")
public record Shard(int index, int count) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is k/n with 1 <= k <= n, not " + index + "/" + count);
        }
    }

    /**
     * The shard {@code wasmguest.suites.shard} names, if it is set.
     *
     * @throws IllegalArgumentException naming the key and its value when that is not {@code k/n}
     */
    public static Optional<Shard> of(Optional<ConfigValue> value) {
        return value.filter(given -> !given.text().isBlank()
                        && !given.text().strip().equals(WasmGuestSetting.SUITES_SHARD.defaultValue()))
                .map(given -> {
                    Matcher matcher = FORM.matcher(given.text());
                    try {
                        if (matcher.matches()) {
                            return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
                        }
                    } catch (IllegalArgumentException outOfRange) {
                        // said below, with the key
                    }
                    throw given.invalid("k/n with 1 <= k <= n, such as 2/4 (the second of four shards)");
                });
    }

    /** Whether the case {@code caseName} of the suite {@code suiteName} is this shard's. */
    public boolean holds(String suiteName, String caseName) {
        byte[] digest = Sha256.digest().digest((suiteName + "\n" + caseName).getBytes(StandardCharsets.UTF_8));
        return Math.floorMod(ByteBuffer.wrap(digest).getLong(), count) == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
