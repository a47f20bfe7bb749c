package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.config.Settings;
import dev.wasmguest.internal.remote.RemoteCache;
import dev.wasmguest.internal.util.Background;
import dev.wasmguest.internal.util.Sha256;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import run.endive.wasm.WasmModule;

/**
 * A big module's translation in a JVM of its own, which stores it in the compiled-code cache and outlives the JVM
 * that asked for it, as build daemons outlive a build. A test JVM may end at any time after its last test: Surefire
 * stops a fork 30 seconds after it, a plain {@code main} when it returns. Translating in the test JVM either held it
 * open or lost the work, and the next JVM started cold again. The helper also keeps the translation's memory (gigabytes
 * for a large module) out of the test JVM's heap, and runs on the machine's other core while the test JVM interprets.
 *
 * <p>The protocol is private to this class: the module's bytes on the helper's standard input (it checks their
 * sha256, so a writer that died midway stores nothing), the cache directory, lock timeout and module digest as
 * arguments, its output in a log file beside the entry, removed when it succeeds. The helper takes the entry's lock
 * as any translating JVM does, so forks that share a cache translate a module once, and the OS releases the lock of a
 * helper that is killed.
 */
@API(status = INTERNAL, since = "0.1")
public final class DetachedTranslation {

    private static final System.Logger LOG = System.getLogger(DetachedTranslation.class.getName());

    /**
     * Modules with less code translate in the time a JVM takes to start (about a second here per MiB), so they are
     * translated in the JVM that needs them.
     */
    static final long DETACH_FROM_CODE_BYTES = 1L << 20;

    /**
     * Heap a JVM needs per byte of code to parse a module whole for Endive's interpreter: yosys (28 MB of code) ran
     * out of a 1 GiB heap and parsed in 2 GiB.
     */
    static final long HEAP_PER_CODE_BYTE = 64;

    /** The helper's heap: yosys's translation peaked at 2.4 GB of memory with 2 GiB of heap, and failed in 1 GiB. */
    static final String HELPER_HEAP = "-Xmx3g";

    /** Translation recurses on its thread's stack over nested blocks; a large stack spares deep modules. */
    static final long STACK_BYTES = 64L * 1024 * 1024;

    /** One class from each jar the helper needs: ours, Endive's parser, compiler and runtime, and ASM's. */
    private static final List<String> CLASS_PATH_ANCHORS = List.of(
            DetachedTranslation.class.getName(),
            "run.endive.wasm.WasmModule",
            "run.endive.runtime.Instance",
            "run.endive.compiler.MachineFactoryCompiler",
            "run.endive.log.Logger",
            "org.objectweb.asm.ClassWriter",
            "org.objectweb.asm.tree.ClassNode",
            "org.objectweb.asm.tree.analysis.Analyzer",
            "org.objectweb.asm.commons.Remapper",
            "org.objectweb.asm.util.CheckClassAdapter");

    private static final int FAILED = 1;
    private static final int BAD_INPUT = 2;
    private static final int INVALID_MODULE = 3;

    private DetachedTranslation() {}

    /** Whether a module with this much code is too big for this JVM's heap to parse whole. */
    static boolean beyondHeap(long codeBytes) {
        return codeBytes >= DETACH_FROM_CODE_BYTES
                && codeBytes * HEAP_PER_CODE_BYTE > Runtime.getRuntime().maxMemory();
    }

    /**
     * Has a helper JVM translate the module into {@code cache}, or find it there, and waits for it to end.
     *
     * @param validate whether the helper validates the module first: this JVM has not
     * @return the helper's entry, empty when the helper could not start or failed (its log says why): the caller
     *         translates in this JVM instead
     */
    static Optional<CompiledCodeCache.Entry> run(
            CompiledCodeCache cache, String sha256, byte[] bytes, String source, boolean validate) {
        Path log = cache.logFile(sha256);
        Process helper;
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command(cache, sha256, validate, Sha256.hex(bytes)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // The remote cache's settings (its key among them) by the environment, which other users cannot read
            cache.remote().ifPresent(remote -> builder.environment().putAll(remote.settings()));
            helper = builder.start();
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.INFO,
                    "Guest module " + source + ": cannot start a JVM to translate it (" + e
                            + "); translating it in this JVM");
            return Optional.empty();
        }
        try (OutputStream in = helper.getOutputStream()) {
            in.write(bytes);
        } catch (IOException e) {
            // the helper ended before reading all of it: its exit code and log say why
        }
        int exit;
        try {
            exit = helper.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (exit == INVALID_MODULE) {
            return Optional.empty(); // parsing it here tells what is wrong with it
        }
        // Only a helper that succeeded has an entry to read: a failed one's would be a needless read, or a remote GET
        Optional<CompiledCodeCache.Entry> entry = exit == 0 ? cache.find(sha256) : Optional.empty();
        if (entry.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "Guest module " + source + ": the JVM translating it ended with exit code " + exit
                            + " and stored nothing (its output: " + log + "); translating it in this JVM");
            return Optional.empty();
        }
        deleteQuietly(log);
        return entry;
    }

    /**
     * The helper: reads the module from standard input and stores its translation in the cache, unless another JVM
     * stored it first. Exits with 0 when the entry is stored, 1 when the translation failed, 2 on bad input, 3 when
     * the module is invalid.
     *
     * @param args the cache directory, the lock timeout (ISO-8601), the module's key in the cache (its sha256, or
     *        {@link FunctionSplitter#key} for a split module), {@code validate} or {@code trusted}, and the sha256 of
     *        the module on standard input
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: DetachedTranslation <cache directory> <lock timeout> <module key>"
                    + " validate|trusted <module sha256>");
            System.exit(BAD_INPUT);
        }
        String sha256 = args[2];
        byte[] bytes = System.in.readAllBytes();
        if (!Sha256.hex(bytes).equals(args[4])) {
            System.err.println("the module on standard input (" + bytes.length + " bytes) is not sha256 " + args[4]);
            System.exit(BAD_INPUT);
        }
        CompiledCodeCache cache =
                new CompiledCodeCache(Path.of(args[0]), Duration.parse(args[1]), RemoteCache.from(Settings.system()));
        if (cache.findOrLock(sha256).isPresent()) {
            System.exit(0);
        }
        boolean validate = args[3].equals("validate");
        CompletableFuture<WasmModule> parsed =
                onLargeStack(() -> ModuleParser.parse(bytes, "sha256:" + sha256, validate));
        try {
            parsed.join();
        } catch (CompletionException e) {
            cache.abandon(sha256);
            e.getCause().printStackTrace();
            System.exit(INVALID_MODULE);
        }
        try {
            cache.store(
                    sha256,
                    onLargeStack(() -> Translator.translate(parsed.join(), ModuleLayout.of(bytes)))
                            .join());
            deleteQuietly(cache.logFile(sha256)); // the JVM that asked may be gone
            System.exit(0);
        } catch (CompletionException e) {
            cache.abandon(sha256);
            e.getCause().printStackTrace();
            System.exit(FAILED);
        }
    }

    private static <T> CompletableFuture<T> onLargeStack(Supplier<T> work) {
        return Background.start(new CompletableFuture<>(), "wasmguest-translate", STACK_BYTES, work);
    }

    private static List<String> command(CompiledCodeCache cache, String sha256, boolean validate, String bytesSha256) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HELPER_HEAP);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath()));
        command.add(DetachedTranslation.class.getName());
        command.add(cache.root().toString());
        command.add(cache.lockTimeout().toString());
        command.add(sha256);
        command.add(validate ? "validate" : "trusted");
        command.add(bytesSha256);
        return command;
    }

    /**
     * The jars (or class folders) of the anchors, found from the classes this JVM loaded, whatever its class path
     * (Surefire's manifest-only jar, Gradle's worker, a module path). An anchor a later Endive no longer needs is
     * skipped; a jar it does need and lacks fails the helper, and this JVM translates.
     */
    private static Set<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String anchor : CLASS_PATH_ANCHORS) {
            try {
                CodeSource source = Class.forName(anchor, false, DetachedTranslation.class.getClassLoader())
                        .getProtectionDomain()
                        .getCodeSource();
                if (source != null && source.getLocation() != null) {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                }
            } catch (ClassNotFoundException | URISyntaxException e) {
                LOG.log(Level.DEBUG, () -> "no jar for " + anchor + " on the translating JVM's class path", e);
            }
        }
        return entries;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "could not delete " + file, e);
        }
    }
}
