package dev.wasmguest;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A function of the test's that a guest calls through one of its imports, given with {@link
 * WasiRunner#withHostFunction(String, String, WasmHostFunction)}. Values are passed as WebAssembly's numbers: an
 * {@code i32} or {@code i64} as its value ({@code i32} sign-extended), an {@code f32} as {@link
 * Float#floatToRawIntBits} and an {@code f64} as {@link Double#doubleToRawLongBits}. The function runs on the guest's
 * thread, inside the guest's call; it may be called by several runs at once, so it must be thread-safe. An exception
 * it throws ends the run, which reports it as a host failure.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface WasmHostFunction {

    /**
     * Answers one call of the guest's.
     *
     * @param args the guest's arguments, as many as the import's type declares; never {@code null}
     * @return the results, exactly as many as the import's type declares (an empty array for none); never {@code null}
     */
    long[] call(long... args);
}
