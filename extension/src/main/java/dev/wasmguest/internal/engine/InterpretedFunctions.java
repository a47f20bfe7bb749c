package dev.wasmguest.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads, from the classes Chicory's compiler generated for a module, which functions it left to its interpreter
 * because their bytecode would exceed the 64 KiB a JVM method may hold.
 *
 * <p>Chicory tells only by printing to the JVM's stderr; we compile silently and read the list from the machine's
 * constructor instead, which hands the interpreted function indices to Chicory's {@code CompilerInterpreterMachine}
 * as an {@code int[]} literal: {@code new CompilerInterpreterMachine(instance, new int[] {i0, i1, ...})}.
 */
final class InterpretedFunctions {

    private static final String MACHINE = "com/dylibso/chicory/runtime/internal/CompilerInterpreterMachine";
    private static final byte[] MACHINE_BYTES = MACHINE.getBytes(StandardCharsets.UTF_8);

    private InterpretedFunctions() {
    }

    /**
     * The interpreted function indices, ascending; empty when every function was compiled.
     *
     * @param compiledJar the jar Chicory's compiler hands its {@code Cache}
     * @throws IllegalStateException when the classes use the interpreter in a way this reader does not know
     */
    static List<Integer> in(byte[] compiledJar) {
        List<Integer> found = new ArrayList<>();
        try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(compiledJar))) {
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                if (entry.getName().endsWith(".class")) {
                    byte[] bytes = jar.readAllBytes();
                    if (contains(bytes, MACHINE_BYTES)) {
                        found.addAll(fromConstructorOf(bytes));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    private static List<Integer> fromConstructorOf(byte[] classBytes) {
        ArrayLiteral literal = new ArrayLiteral();
        new ClassReader(classBytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return name.equals("<init>") ? literal : null;
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return literal.values();
    }

    /**
     * Collects the int constants between {@code new CompilerInterpreterMachine} and its constructor call: the array
     * length, then for each element its position and its value.
     */
    private static final class ArrayLiteral extends MethodVisitor {

        private final List<Integer> constants = new ArrayList<>();
        private boolean inside;
        private boolean seen;

        ArrayLiteral() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW && type.equals(MACHINE)) {
                inside = true;
                seen = true;
            }
        }

        @Override
        public void visitInsn(int opcode) {
            if (inside && opcode >= Opcodes.ICONST_M1 && opcode <= Opcodes.ICONST_5) {
                constants.add(opcode - Opcodes.ICONST_0);
            }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (inside && (opcode == Opcodes.BIPUSH || opcode == Opcodes.SIPUSH)) {
                constants.add(operand);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (inside && value instanceof Integer) {
                constants.add((Integer) value);
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (owner.equals(MACHINE) && name.equals("<init>")) {
                inside = false;
            }
        }

        List<Integer> values() {
            if (!seen) {
                return List.of();
            }
            int length = constants.isEmpty() ? -1 : constants.get(0);
            if (length < 1 || constants.size() != 1 + 2 * length) {
                throw new IllegalStateException("unexpected use of Chicory's interpreter in compiled code: "
                        + constants);
            }
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                if (constants.get(1 + 2 * i) != i) {
                    throw new IllegalStateException("unexpected interpreted-function array: " + constants);
                }
                values.add(constants.get(2 + 2 * i));
            }
            return values;
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
