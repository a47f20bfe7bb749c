package dev.wasmguest.internal.load;

import dev.wasmguest.internal.coverage.CoverageMap;
import dev.wasmguest.internal.trace.ModuleSymbols;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.OpCode;

/**
 * Puts coverage counters into a module before it is parsed for running, so that both engines count the same, and
 * compiled code counts at compiled speed: each counter is a mutable {@code i64} global added after the module's own,
 * and {@code global.get; i64.const 1; i64.add; global.set} goes before the first instruction of each function and of
 * each stretch of straight-line code: what follows a loop's start, an {@code if} or {@code else}, a branch, a call (a
 * call may never return, as when it exits), or the end of an {@code if} or of a block a branch leaves. A counter
 * counts for every source line its stretch holds code of.
 *
 * <p>Why stretches, not lines: optimized code interleaves the instructions of neighbouring lines, and a counter at
 * each change of line cost 7-9x the uncovered time in compiled code (sieve and sha256 built with -O2 -g); one per
 * stretch keeps it under the 3x the issue allows. The price: when an instruction in the middle of a stretch traps,
 * the lines after it in that stretch count as reached too.
 */
final class CoverageCounters {

    /**
     * After these, the next instruction may be reached other than by falling through from them, or not at all. An
     * {@code end} is decided by what it closes ({@link Blocks}); a {@code block}'s first instruction is reached only
     * by falling through into it.
     */
    private static final Set<OpCode> END_A_STRETCH = Set.of(
            OpCode.LOOP,
            OpCode.IF,
            OpCode.ELSE,
            OpCode.BR,
            OpCode.BR_IF,
            OpCode.BR_TABLE,
            OpCode.BR_ON_NULL,
            OpCode.BR_ON_NON_NULL,
            OpCode.BR_ON_CAST,
            OpCode.BR_ON_CAST_FAIL,
            OpCode.RETURN,
            OpCode.UNREACHABLE,
            OpCode.CALL,
            OpCode.CALL_INDIRECT,
            OpCode.CALL_REF,
            OpCode.RETURN_CALL,
            OpCode.RETURN_CALL_INDIRECT,
            OpCode.RETURN_CALL_REF,
            OpCode.THROW,
            OpCode.THROW_REF,
            OpCode.TRY_TABLE);

    /** The instrumented module, what its counters stand for, and where its code came from in the original. */
    record Counted(byte[] bytes, CoverageMap map, OriginalOffsets offsets) {}

    private CoverageCounters() {}

    /**
     * The module with its counters.
     *
     * @param name what the runs' results call the module
     * @throws RuntimeException what Endive's parser throws on a malformed module
     */
    static Counted add(String name, byte[] bytes) {
        ModuleLayout layout = ModuleLayout.of(bytes);
        WasmModule module = Parser.builder().withValidation(false).build().parse(() -> new ByteArrayInputStream(bytes));
        int importedFunctions = module.importSection().count(ExternalType.FUNCTION);
        int firstGlobal = module.importSection().count(ExternalType.GLOBAL)
                + module.globalSection().globalCount();
        ModuleSymbols symbols = ModuleSymbols.of(module, layout.codeStart(), layout::bodyStart);
        CoverageMap.Builder map = new CoverageMap.Builder(name, firstGlobal);
        OriginalOffsets.Builder offsets = new OriginalOffsets.Builder(layout);
        List<byte[]> bodies = new ArrayList<>(layout.bodyCount());
        for (int body = 0; body < layout.bodyCount(); body++) {
            bodies.add(countedBody(
                    bytes,
                    layout,
                    body,
                    module.codeSection().getFunctionBody(body).instructions(),
                    importedFunctions + body,
                    symbols,
                    map,
                    offsets));
        }
        CoverageMap counters = map.build();
        byte[] counted = layout.withBodiesAndGlobals(bodies, counters.counters());
        return new Counted(counted, counters, offsets.build(ModuleLayout.of(counted)));
    }

    /** A body's contents (after its size) with its counters. */
    private static byte[] countedBody(
            byte[] bytes,
            ModuleLayout layout,
            int body,
            List<AnnotatedInstruction> instructions,
            int function,
            ModuleSymbols symbols,
            CoverageMap.Builder map,
            OriginalOffsets.Builder offsets) {
        int end = layout.bodyEnd(body);
        int first = (int) instructions.get(0).address();
        ByteArrayOutputStream out = new ByteArrayOutputStream((end - layout.bodyStart(body)) * 2);
        offsets.copied(body, 0, layout.bodyStart(body), first - layout.bodyStart(body));
        out.write(bytes, layout.bodyStart(body), first - layout.bodyStart(body)); // the locals
        boolean stretchEnded = true;
        int counter = -1;
        Blocks blocks = new Blocks();
        for (int i = 0; i < instructions.size(); i++) {
            AnnotatedInstruction instruction = instructions.get(i);
            int at = (int) instruction.address();
            int until =
                    i + 1 < instructions.size() ? (int) instructions.get(i + 1).address() : end;
            OpCode opcode = instruction.opcode();
            if (i == 0) {
                counter = map.entry(function, symbols.functionName(function));
                increment(out, map.firstGlobal() + counter);
            } else if (stretchEnded && opcode != OpCode.END && opcode != OpCode.ELSE) {
                counter = map.counter(function);
                increment(out, map.firstGlobal() + counter);
            }
            symbols.sourceLine(at).ifPresent(map.lineOf(counter));
            offsets.copied(body, out.size(), at, until - at);
            out.write(bytes, at, until - at);
            stretchEnded = opcode == OpCode.END ? blocks.endIsJoined() : END_A_STRETCH.contains(opcode);
            blocks.after(instruction);
        }
        return out.toByteArray();
    }

    /**
     * The blocks a function's instructions are in, for what follows an {@code end}: a new stretch after an {@code if}
     * (its condition may have skipped its body) or a block that a branch leaves, not after a loop (whose label is
     * its start) or a block that only falls through.
     */
    private static final class Blocks {

        /** An open block, loop, if or try_table, and whether a branch leaves it (goes to its label). */
        private static final class Block {
            final OpCode kind;
            boolean branchedTo;

            Block(OpCode kind) {
                this.kind = kind;
            }
        }

        /** The innermost first; the function's own body last. */
        private final Deque<Block> open = new ArrayDeque<>(List.of(new Block(OpCode.BLOCK)));

        /** Whether the instruction after the {@code end} about to be passed can be reached other than by falling. */
        boolean endIsJoined() {
            Block closed = open.peek();
            return closed == null || closed.kind == OpCode.IF || closed.kind != OpCode.LOOP && closed.branchedTo;
        }

        void after(AnnotatedInstruction instruction) {
            OpCode opcode = instruction.opcode();
            switch (opcode) {
                case BLOCK, LOOP, IF -> open.push(new Block(opcode));
                case TRY_TABLE -> {
                    branchesToAll(); // its catch clauses name labels
                    open.push(new Block(opcode));
                }
                case END -> open.poll();
                case BR, BR_IF -> branchTo(instruction.operand(0));
                default -> {
                    if (opcode.name().startsWith("BR_")) { // br_table, br_on_*: their labels, to be safe all
                        branchesToAll();
                    }
                }
            }
        }

        private void branchesToAll() {
            open.forEach(block -> block.branchedTo = true);
        }

        private void branchTo(long depth) {
            int at = 0;
            for (Block block : open) {
                if (at++ == depth) {
                    block.branchedTo = true;
                    return;
                }
            }
        }
    }

    /** {@code global.get g; i64.const 1; i64.add; global.set g}. */
    private static void increment(ByteArrayOutputStream out, int global) {
        out.write(0x23);
        ModuleLayout.writeU32(out, global);
        out.write(0x42);
        out.write(0x01);
        out.write(0x7c);
        out.write(0x24);
        ModuleLayout.writeU32(out, global);
    }
}
