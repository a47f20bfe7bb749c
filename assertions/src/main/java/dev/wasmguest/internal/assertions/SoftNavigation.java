package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractByteArrayAssert;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.AbstractPathAssert;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ByteArrayAssert;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.api.PathAssert;
import org.assertj.core.api.StringAssert;

/**
 * Navigation for soft assertions: the navigated assertions are AssertJ soft proxies of the same collector, so that
 * {@code softly.assertThat(run).stdout().contains(...)} collects instead of throwing.
 */
@API(status = INTERNAL, since = "0.1")
public final class SoftNavigation implements Navigation {

    private final AbstractSoftAssertions softly;

    public SoftNavigation(AbstractSoftAssertions softly) {
        this.softly = softly;
    }

    @Override
    public AbstractStringAssert<?> string(String actual) {
        return softly.proxy(StringAssert.class, String.class, actual);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public AbstractListAssert<?, List<? extends String>, String, ObjectAssert<String>> lines(List<String> actual) {
        return softly.proxy(ListAssert.class, List.class, actual);
    }

    @Override
    public AbstractByteArrayAssert<?> bytes(byte[] actual) {
        return softly.proxy(ByteArrayAssert.class, byte[].class, actual);
    }

    @Override
    public AbstractPathAssert<?> path(Path actual) {
        return softly.proxy(PathAssert.class, Path.class, actual);
    }
}
