/**
 * Configuration: where values of the keys ({@link dev.wasmguest.WasmGuestSetting}, each with its default) come from
 * ({@link dev.wasmguest.internal.config.Settings}: JUnit configuration parameters when given, system properties,
 * {@code junit-platform.properties}, environment) and the one set of rules and messages for values
 * ({@link dev.wasmguest.internal.config.ConfigValue}); {@code ${key}} placeholders.
 *
 * <p>May use: the public model ({@code dev.wasmguest}). Base layer: every other package may use it.
 */
package dev.wasmguest.internal.config;
