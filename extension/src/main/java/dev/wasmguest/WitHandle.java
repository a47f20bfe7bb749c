package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A handle to a resource that a typed call returned ({@code own<r>} or {@code borrow<r>}, or a wit-bindgen module's
 * {@code handle<r>}): opaque, good only for passing back to calls of the same {@link WasiInstance}, as the guest
 * keeps the resource itself. Only wasmguest makes them.
 *
 * <pre>{@code
 * WitHandle counter = (WitHandle) library.call("make", 41).returnedValue().orElseThrow();
 * assertThat(library.call("peek", counter)).returnedValue(41L);
 * }</pre>
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface WitHandle {

    /**
     * The resource type's name, as the WIT declares it.
     *
     * @return never {@code null}
     */
    String resource();
}
