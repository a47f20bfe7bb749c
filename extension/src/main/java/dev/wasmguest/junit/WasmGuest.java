package dev.wasmguest.junit;

import static org.apiguardian.api.API.Status.STABLE;

import dev.wasmguest.WasiInstance;
import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares the WASI guest that a test works with. Test, lifecycle and constructor parameters of type
 * {@link WasiRunner} receive a runner for the nearest {@code @WasmGuest}; parameters of type
 * {@link WasiResult} receive the result of one run as declared; parameters of type {@link WasiInstance} receive an
 * instance of the module (a library module's, to call its functions), closed when the test ends.
 *
 * <p>The nearest declaration is the parameter's own, then the method's, then the test class's, then its
 * enclosing classes' (for {@code @Nested} tests). It may also be used as a meta-annotation:
 *
 * <pre>{@code
 * @Retention(RUNTIME) @Target({TYPE, METHOD, PARAMETER})
 * @WasmGuest(url = "${guest.base}/seed.wasm")
 * @interface SeedGuest {}
 * }</pre>
 *
 * <p>Exactly one of {@link #url()}, {@link #resource()} and {@link #file()} must be set. Every string may hold
 * {@code ${key}} placeholders, resolved from JUnit configuration parameters, then system properties, then
 * {@code junit-platform.properties}, then environment variables; a key with no value fails the test with a message
 * naming it.
 *
 * @since 0.1
 */
@API(status = STABLE, since = "0.1")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@ExtendWith(WasmGuestExtension.class)
public @interface WasmGuest {

    /**
     * An {@code http}, {@code https} or {@code file} URL of the module; HTTP downloads are cached on disk.
     *
     * @return the URL; empty when the module is named otherwise
     */
    String url() default "";

    /**
     * A classpath resource name of the module, e.g. {@code "guests/hello.wasm"}.
     *
     * @return the resource name; empty when the module is named otherwise
     */
    String resource() default "";

    /**
     * A file path of the module, relative paths against the working directory.
     *
     * @return the path; empty when the module is named otherwise
     */
    String file() default "";

    /**
     * The sha256 (64 hex digits) the module must have; a module with another hash fails the test.
     *
     * @return the hash, optionally prefixed {@code sha256:}; empty for no check
     */
    String sha256() default "";

    /**
     * The arguments after {@code argv[0]}.
     *
     * @return the arguments; none by default
     */
    String[] args() default {};

    /**
     * Environment variables as {@code NAME=value}; the guest sees these and nothing else.
     *
     * @return the variables; none by default
     */
    String[] env() default {};

    /**
     * Standard input, encoded as UTF-8; by default the guest reads end-of-file at once.
     *
     * @return the whole of standard input
     */
    String stdin() default "";

    /**
     * The program name the guest sees as {@code argv[0]}; defaults to the module's file name.
     *
     * @return the program name; empty for the module's file name
     */
    String argv0() default "";

    /**
     * The timeout of each run as an ISO-8601 duration, e.g. {@code "PT5S"}; defaults to {@code wasmguest.timeout}.
     *
     * @return the timeout; empty for the configured one
     */
    String timeout() default "";

    /**
     * The memory limit of each run in bytes, optionally with a binary unit ({@code "64m"}, {@code "1g"}); defaults
     * to {@code wasmguest.maxMemory}.
     *
     * @return the limit; empty for the configured one
     */
    String maxMemory() default "";

    /**
     * Directories the guest sees, each {@code "HOST::GUEST"} (read-write: the guest's changes are copied back),
     * {@code "HOST::GUEST:ro"} (read-only) or {@code "::GUEST"} (a fresh empty directory per run), e.g.
     * {@code {"src/test/data::/data:ro", "::/out"}}. Host paths are relative to the working directory.
     *
     * @return the directories; none by default
     */
    String[] dirs() default {};

    /**
     * Fixes the guest's clocks at this ISO-8601 instant, e.g. {@code "2026-01-01T00:00:00Z"} (see
     * {@link WasiRunner#withClock}); defaults to {@code wasmguest.clock}, else the host's clocks.
     *
     * @return the instant; empty for the configured clock
     */
    String clock() default "";

    /**
     * Seeds the guest's random source (see {@link WasiRunner#withRandomSeed}); defaults to {@code
     * wasmguest.random.seed}.
     *
     * @return the seed, a {@code long}; empty for the configured one
     */
    String randomSeed() default "";
}
