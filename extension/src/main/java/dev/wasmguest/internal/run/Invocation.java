package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What ran: the module, its arguments and environment, and the test that ran it.
 *
 * @param source the module's source as named: URL, path or classpath resource
 * @param argv the arguments, {@code argv[0]} first
 * @param env the environment variables the guest saw
 * @param testName the name of the test that made the run, when a JUnit extension injected the runner
 */
@API(status = INTERNAL, since = "0.1")
public record Invocation(String source, List<String> argv, Map<String, String> env, Optional<String> testName) {

    public Invocation {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** The same, with other arguments: a reactor's call names the function and its arguments. */
    Invocation withArgv(List<String> called) {
        return new Invocation(source, called, env, testName);
    }

    /** A call of an instance's {@code function} with {@code args}, as its result names it: the function, then each. */
    static List<String> call(String function, List<?> args) {
        List<String> called = new java.util.ArrayList<>();
        called.add(function);
        args.forEach(arg -> called.add(String.valueOf(arg)));
        return called;
    }

    /** A result of this invocation, to be filled in with how it went. */
    WasiResult.Builder result() {
        return WasiResult.builder().ran(source, argv, env, testName);
    }
}
