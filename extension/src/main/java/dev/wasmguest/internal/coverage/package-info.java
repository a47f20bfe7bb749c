/**
 * Guest coverage: which counter of an instrumented module stands for which source line and function
 * ({@code CoverageMap}), and the LCOV and Cobertura files that runs in every JVM merge their counts into
 * ({@code CoverageFiles}).
 *
 * <p>May use: the public model ({@code dev.wasmguest}), {@code config}, {@code trace}, {@code util}. Core layer: framework-free.
 */
@API(status = INTERNAL, since = "0.1")
package dev.wasmguest.internal.coverage;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
