package dev.wasmguest.internal.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import run.endive.compiler.MachineFactoryCompiler;
import run.endive.runtime.Instance;
import run.endive.runtime.Machine;

/**
 * A module's functions as JVM classes, made by Endive's compiler: a factory of machines that run them, and which
 * functions Endive's interpreter runs instead because they are too large for one JVM method. Shared by every run
 * and thread.
 *
 * @param machines makes the machine of one instance
 * @param interpreted the function indices left to the interpreter, ascending
 * @param fingerprints of each function's method, by function index ({@link GeneratedMethods})
 */
record CompiledCode(
        Function<Instance, Machine> machines, List<Integer> interpreted, Map<Integer, Integer> fingerprints) {

    private static final String PROPERTIES = "wasm-module.properties";

    CompiledCode {
        interpreted = List.copyOf(interpreted);
    }

    /**
     * Compiled code from the jar Endive's compiler produced, with each class defined only when a run first needs
     * it. Endive's own loading defines and verifies every class up front, which for a 30 MB module is seconds of
     * work for code that a short run never reaches.
     *
     * @param jar classes numbered by {@link GeneratedMethods#numbered(byte[])}
     * @param digest the module's digest, {@code sha256:<hex>}: the name of the classes' loader, which the JVM's stack
     *        traces carry, so that a backtrace tells this module's frames from other modules'
     * @throws IllegalStateException when the jar is not one Endive's compiler wrote
     */
    static CompiledCode load(byte[] jar, List<Integer> interpreted, String digest) {
        return load(jar, interpreted, digest, false);
    }

    /**
     * Like {@link #load(byte[], List, String)}, but every class defined and initialised now, on the caller's thread: for the
     * JVM that translated, in its translation's background work, so that its runs do not wait for class loading
     * (as with Endive's own loading).
     */
    static CompiledCode loadEagerly(byte[] jar, List<Integer> interpreted, String digest) {
        return load(jar, interpreted, digest, true);
    }

    private static CompiledCode load(byte[] jar, List<Integer> interpreted, String digest, boolean eagerly) {
        Map<String, byte[]> classes = new ConcurrentHashMap<>();
        Map<Integer, Integer> fingerprints = Map.of();
        String mainClass = null;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                String name = entry.getName();
                if (name.equals(GeneratedMethods.FINGERPRINTS)) {
                    fingerprints = GeneratedMethods.readFingerprints(in);
                } else if (name.equals(PROPERTIES)) {
                    Properties properties = new Properties();
                    properties.load(in);
                    mainClass = properties.getProperty("mainClass");
                } else if (name.endsWith(".class")) {
                    classes.put(
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (mainClass == null || !classes.containsKey(mainClass)) {
            throw new IllegalStateException("compiled code without its machine class");
        }
        GeneratedClasses loader = new GeneratedClasses(digest, classes);
        if (eagerly) {
            loader.defineAll();
        }
        return new CompiledCode(machineFactory(loader, mainClass), interpreted, fingerprints);
    }

    private static Function<Instance, Machine> machineFactory(ClassLoader loader, String mainClass) {
        MethodHandle constructor;
        try {
            constructor = MethodHandles.publicLookup()
                    .findConstructor(loader.loadClass(mainClass), MethodType.methodType(void.class, Instance.class))
                    .asType(MethodType.methodType(Machine.class, Instance.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled code whose machine class cannot be used: " + e, e);
        }
        return instance -> {
            try {
                return (Machine) constructor.invokeExact(instance);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Defines the generated classes on demand, in a loader whose parent sees Endive, as Endive's own does. */
    private static final class GeneratedClasses extends ClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;

        GeneratedClasses(String name, Map<String, byte[]> classes) {
            super(name, MachineFactoryCompiler.class.getClassLoader());
            this.classes = classes;
        }

        void defineAll() {
            for (String name : List.copyOf(classes.keySet())) {
                try {
                    Class.forName(name, true, this);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("a generated class vanished: " + name, e);
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.remove(name); // a defined class needs its bytes no more
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
