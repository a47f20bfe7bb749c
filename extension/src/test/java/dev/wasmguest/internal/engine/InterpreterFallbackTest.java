package dev.wasmguest.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import dev.wasmguest.WasiEngine;
import dev.wasmguest.WasiOutcome;
import dev.wasmguest.internal.resolve.ResolvedModule;
import dev.wasmguest.internal.resolve.Sha256;
import dev.wasmguest.internal.source.BytesSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function too large for one JVM method runs in Chicory's interpreter; we say so in a log line naming the
 * function, not on the JVM's stderr, and the guest still runs correctly.
 */
class InterpreterFallbackTest {

    private final Logger logger = Logger.getLogger(CompiledGuest.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    @Test
    void interpretedFunctionIsLoggedWithItsName() throws IOException {
        CompiledGuest guest = compile("huge-function.wasm");

        RunRecord record = GuestExecution.run(guest, RunSpec.EMPTY.withEngine(WasiEngine.COMPILER)).record();

        assertThat(record.outcome()).isEqualTo(WasiOutcome.EXITED);
        assertThat(new String(record.stdout(), StandardCharsets.UTF_8)).isEqualTo("total: 20000\n");
        assertThat(records).extracting(LogRecord::getMessage).containsExactly("Guest module "
                + guest.source() + ": 1 function is too large for one JVM method, so Chicory runs it in its"
                + " interpreter (slower than compiled code): function 7 (count)");
    }

    @Test
    void theListIsStoredBesideCompiledCodeSoLaterJvmsNeedNotScanTheClasses(@TempDir Path cacheDir)
            throws IOException {
        byte[] huge = resource("huge-function.wasm");
        String expected = "1 function is too large for one JVM method, so Chicory runs it in its interpreter"
                + " (slower than compiled code): function 7 (count)";

        compileWithCache(huge, cacheDir).machineFactory();
        Path list;
        try (Stream<Path> files = Files.walk(cacheDir)) {
            list = files.filter(file -> file.toString().endsWith(".interpreted")).findFirst().orElseThrow();
        }
        assertThat(list).hasContent("7");

        compileWithCache(huge, cacheDir).machineFactory(); // loads the stored code and its list
        Files.delete(list);
        compileWithCache(huge, cacheDir).machineFactory(); // an entry without its list: scans the classes

        assertThat(list).as("written again").hasContent("7");
        assertThat(records).extracting(LogRecord::getMessage).hasSize(3)
                .allMatch(message -> message.endsWith(expected));
    }

    @Test
    void fullyCompiledModuleLogsNothing() throws IOException {
        CompiledGuest guest = compile("seed.wasm");

        guest.machineFactory();

        assertThat(records).isEmpty();
    }

    @Test
    void readsTheInterpretedFunctionsFromTheCompiledClasses() throws IOException {
        byte[] huge = resource("huge-function.wasm");
        RecordingCache cache = new RecordingCache(Optional.empty(), CompiledGuest.COMPILER_OPTIONS);
        MachineFactoryCompiler.builder(Parser.parse(huge)).withInterpreterFallback(InterpreterFallback.SILENT)
                .withCache(cache).compile();

        assertThat(InterpretedFunctions.in(cache.compiled().orElseThrow())).containsExactly(7);
    }

    private static CompiledGuest compileWithCache(byte[] bytes, Path cacheDir) {
        return GuestCompiler.compile(new BytesSource(bytes), new ResolvedModule(bytes, Sha256.hex(bytes)),
                new EngineCaches(Optional.of(new CompiledCodeCache(cacheDir, Duration.ofSeconds(10))),
                        ValidatedModules.none()));
    }

    private static CompiledGuest compile(String name) throws IOException {
        byte[] bytes = resource(name);
        return GuestCompiler.compile(new BytesSource(bytes), new ResolvedModule(bytes, Sha256.hex(bytes)));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = InterpreterFallbackTest.class.getResourceAsStream("/guests/" + name)) {
            return in.readAllBytes();
        }
    }
}
