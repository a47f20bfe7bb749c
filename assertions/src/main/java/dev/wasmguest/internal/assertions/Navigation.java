package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractByteArrayAssert;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.AbstractPathAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;

/**
 * How a run assertion creates the assertions it navigates to (stdout, lines, bytes, files): plain ones that throw at
 * once, or, for soft assertions, proxies that collect their failures too.
 */
@API(status = INTERNAL, since = "0.1")
public interface Navigation {

    /** Plain AssertJ assertions. */
    Navigation HARD = new Navigation() {};

    default AbstractStringAssert<?> string(String actual) {
        return Assertions.assertThat(actual);
    }

    default AbstractListAssert<?, List<? extends String>, String, ObjectAssert<String>> lines(List<String> actual) {
        return Assertions.assertThat(actual);
    }

    default AbstractByteArrayAssert<?> bytes(byte[] actual) {
        return Assertions.assertThat(actual);
    }

    default AbstractPathAssert<?> path(Path actual) {
        return Assertions.assertThat(actual);
    }
}
