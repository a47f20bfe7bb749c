package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WitCase;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Whether a typed call's result is the value a test expects: numbers as numbers wherever they are (a WIT {@code u32}
 * comes back as a {@code Long}, and a test writes {@code 5}), lists, maps, optionals and cases element by element,
 * byte arrays by their bytes, anything else by {@code equals}.
 */
@API(status = INTERNAL, since = "0.1")
public final class WitValueMatch {

    private WitValueMatch() {}

    public static boolean matches(Object actual, Object expected) {
        if (actual instanceof Number number && expected instanceof Number wanted) {
            return Double.compare(number.doubleValue(), wanted.doubleValue()) == 0
                    && number.longValue() == wanted.longValue();
        }
        if (actual instanceof List<?> list && expected instanceof List<?> wanted) {
            return list.size() == wanted.size() && allMatch(list.iterator(), wanted.iterator());
        }
        if (actual instanceof Map<?, ?> map && expected instanceof Map<?, ?> wanted) {
            return map.keySet().equals(wanted.keySet())
                    && map.entrySet().stream().allMatch(entry -> matches(entry.getValue(), wanted.get(entry.getKey())));
        }
        if (actual instanceof Optional<?> optional && expected instanceof Optional<?> wanted) {
            return optional.isPresent() == wanted.isPresent()
                    && (optional.isEmpty() || matches(optional.get(), wanted.get()));
        }
        if (actual instanceof WitCase witCase && expected instanceof WitCase wanted) {
            return witCase.name().equals(wanted.name()) && matches(witCase.value(), wanted.value());
        }
        if (actual instanceof byte[] bytes && expected instanceof byte[] wanted) {
            return Arrays.equals(bytes, wanted);
        }
        return Objects.equals(actual, expected);
    }

    private static boolean allMatch(Iterator<?> actual, Iterator<?> expected) {
        while (actual.hasNext()) {
            if (!matches(actual.next(), expected.next())) {
                return false;
            }
        }
        return true;
    }
}
