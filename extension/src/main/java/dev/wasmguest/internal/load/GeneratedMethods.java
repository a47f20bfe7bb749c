package dev.wasmguest.internal.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The JVM methods Endive's compiler generates for WebAssembly functions ({@code func_<index>}), read with ASM so
 * that a stack trace can tell which WebAssembly instruction each compiled frame was at.
 *
 * <p>A JVM stack trace names each generated method, but the only thing it says of the place within it is a line
 * number, and Endive's methods have none. So each method gets a line number table in which each instruction that
 * can stand in a stack trace (a call, a throw, an integer division) is a line of its own: its
 * position among the method's counted instructions ({@link Sequence}). This is one streaming ASM pass over the
 * translation's classes, stored with them in the compiled-code cache, so later JVMs pay nothing, and running the code
 * costs nothing. Which WebAssembly instruction a position stands for is worked out only when a guest traps
 * ({@link InstructionMap}), from the same function compiled again with markers.
 */
final class GeneratedMethods {

    /** The high bits of a marker: {@code i64.const (MARKER | moduleOffset); drop} before an instruction. */
    static final long MARKER = 0x5A5AL << 48;

    /** What {@link #numbered} adds, in the compiled-code cache key: a change here must not read old entries. */
    static final String VERSION = "lines=1";

    /** The jar entry holding each function method's fingerprint. */
    static final String FINGERPRINTS = "wasmguest-fingerprints.bin";

    private static final long MARKER_MASK = 0xFFFFL << 48;
    private static final Pattern FUNCTION = Pattern.compile("func_(\\d+)");

    private GeneratedMethods() {}

    /**
     * The jar of classes Endive's compiler made, with a line number table in each function method, as described
     * above, and an entry {@value #FINGERPRINTS} with each method's fingerprint ({@link #readFingerprints}).
     */
    static byte[] numbered(byte[] jar) {
        Map<Integer, Integer> fingerprints = new TreeMap<>();
        ByteArrayOutputStream numbered = new ByteArrayOutputStream(jar.length + jar.length / 8);
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar));
                JarOutputStream out = new JarOutputStream(numbered)) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new JarEntry(entry.getName()));
                out.write(entry.getName().endsWith(".class") ? withLineNumbers(content, fingerprints) : content);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry(FINGERPRINTS));
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(fingerprints.size());
            for (Map.Entry<Integer, Integer> function : fingerprints.entrySet()) {
                data.writeInt(function.getKey());
                data.writeInt(function.getValue());
            }
            data.flush();
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return numbered.toByteArray();
    }

    /** The fingerprints of a {@link #numbered} jar's {@value #FINGERPRINTS} entry, by function index. */
    static Map<Integer, Integer> readFingerprints(InputStream entry) throws IOException {
        DataInputStream data = new DataInputStream(entry);
        int count = data.readInt();
        Map<Integer, Integer> fingerprints = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            fingerprints.put(data.readInt(), data.readInt());
        }
        return Map.copyOf(fingerprints);
    }

    /**
     * The class with a line number table in each function method, as described above; each method's
     * {@linkplain Sequence#fingerprint() fingerprint} is put into {@code fingerprints} by function index.
     */
    private static byte[] withLineNumbers(byte[] classBytes, Map<Integer, Integer> fingerprints) {
        ClassReader reader = new ClassReader(classBytes);
        ClassWriter writer = new ClassWriter(reader, 0); // the code is unchanged: its frames and sizes stay valid
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                        int function = functionIndex(name);
                        return function < 0 ? method : new Numbering(method, function, fingerprints);
                    }
                },
                0);
        return writer.toByteArray();
    }

    /** The function index of a generated method's name; -1 for any other method. */
    static int functionIndex(String methodName) {
        Matcher matcher = FUNCTION.matcher(methodName);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /**
     * A method's marked compilation, read: for each counted instruction, the module offset of the last marker before
     * it, and the fingerprint of the counted instructions, which is that of the method compiled without markers when
     * the two are the same code.
     */
    record Marked(long[] offsets, int fingerprint) {}

    /** Reads a method compiled with markers, {@code LDC2_W MARKER|offset; POP2}, which are not counted. */
    static Marked marked(MethodNode method) {
        Sequence sequence = new Sequence();
        List<Long> offsets = new ArrayList<>();
        long marked = -1;
        for (AbstractInsnNode node = method.instructions.getFirst(); node != null; node = node.getNext()) {
            int opcode = node.getOpcode();
            if (opcode < 0) {
                continue; // a label, frame or line number
            }
            if (node instanceof LdcInsnNode ldc && ldc.cst instanceof Long value && (value & MARKER_MASK) == MARKER) {
                marked = value & ~MARKER_MASK;
                node = nextInstruction(node); // its POP2
                sequence.skip(node.getOpcode());
                continue;
            }
            String called = node instanceof MethodInsnNode call ? call.name + call.desc : null;
            if (sequence.add(opcode, called) >= 0) {
                offsets.add(marked);
            }
        }
        return new Marked(offsets.stream().mapToLong(Long::longValue).toArray(), sequence.fingerprint());
    }

    /** The line number that stands for the {@code index}-th counted instruction: lines start at 1. */
    static int lineOf(int index) {
        return index + 1;
    }

    /** The index of the counted instruction a line number stands for. */
    static int indexOfLine(int line) {
        return line - 1;
    }

    private static AbstractInsnNode nextInstruction(AbstractInsnNode node) {
        AbstractInsnNode next = node.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next == null ? node : next;
    }

    /**
     * The instructions of a method that count, in order: all but the NOPs and ATHROWs that ASM puts where code cannot
     * be reached (their number varies with the code around them), and a fingerprint of them: each one's opcode and,
     * for a call, what it calls (not its class: functions are grouped into classes by number).
     */
    private static final class Sequence {
        private int count;
        private int fingerprint = 1;
        private int previous = -1;

        /** Takes the next instruction; returns its index among the counted ones, or -1 when it does not count. */
        int add(int opcode, String called) {
            boolean unreachableFiller = opcode == Opcodes.NOP || opcode == Opcodes.ATHROW && previous == Opcodes.NOP;
            previous = opcode;
            if (unreachableFiller) {
                return -1;
            }
            fingerprint = 31 * fingerprint + opcode;
            if (called != null) {
                fingerprint = 31 * fingerprint + called.hashCode();
            }
            return count++;
        }

        /** Takes an instruction that is no part of the code (a marker's). */
        void skip(int opcode) {
            previous = opcode;
        }

        int fingerprint() {
            return fingerprint;
        }
    }

    /** Gives each instruction that can be in a stack trace a line: its index among the counted instructions. */
    private static final class Numbering extends MethodVisitor {
        private final int function;
        private final Map<Integer, Integer> fingerprints;
        private final Sequence sequence = new Sequence();

        Numbering(MethodVisitor next, int function, Map<Integer, Integer> fingerprints) {
            super(Opcodes.ASM9, next);
            this.function = function;
            this.fingerprints = fingerprints;
        }

        private void instruction(int opcode, String called) {
            int index = sequence.add(opcode, called);
            if (index >= 0 && canBeInAStackTrace(opcode)) {
                Label here = new Label();
                super.visitLabel(here);
                super.visitLineNumber(lineOf(index), here);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            instruction(opcode, null);
            super.visitInsn(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            instruction(opcode, null);
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int variable) {
            instruction(opcode, null);
            super.visitVarInsn(opcode, variable);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            instruction(opcode, null);
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            instruction(opcode, null);
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            instruction(opcode, name + descriptor);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            instruction(Opcodes.INVOKEDYNAMIC, null);
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            instruction(opcode, null);
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            instruction(Opcodes.LDC, null);
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int variable, int increment) {
            instruction(Opcodes.IINC, null);
            super.visitIincInsn(variable, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label fallback, Label... labels) {
            instruction(Opcodes.TABLESWITCH, null);
            super.visitTableSwitchInsn(min, max, fallback, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label fallback, int[] keys, Label[] labels) {
            instruction(Opcodes.LOOKUPSWITCH, null);
            super.visitLookupSwitchInsn(fallback, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            instruction(Opcodes.MULTIANEWARRAY, null);
            super.visitMultiANewArrayInsn(descriptor, dimensions);
        }

        @Override
        public void visitEnd() {
            fingerprints.put(function, sequence.fingerprint());
            super.visitEnd();
        }
    }

    /**
     * Whether a frame of generated code can stand at this instruction: a call (a frame's place while it calls, and
     * where a stack overflow strikes; Endive's code reaches memory, traps and host functions through calls), a throw
     * or an integer division.
     */
    private static boolean canBeInAStackTrace(int opcode) {
        return switch (opcode) {
            case Opcodes.INVOKEVIRTUAL,
                    Opcodes.INVOKESPECIAL,
                    Opcodes.INVOKESTATIC,
                    Opcodes.INVOKEINTERFACE,
                    Opcodes.INVOKEDYNAMIC,
                    Opcodes.ATHROW,
                    Opcodes.IDIV,
                    Opcodes.LDIV,
                    Opcodes.IREM,
                    Opcodes.LREM -> true;
            default -> false;
        };
    }
}
