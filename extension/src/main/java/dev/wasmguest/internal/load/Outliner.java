package dev.wasmguest.internal.load;

import dev.wasmguest.internal.load.CodeTree.Item;
import dev.wasmguest.internal.load.CodeTree.Node;
import dev.wasmguest.internal.load.CodeTree.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import run.endive.wasm.types.OpCode;

/**
 * Moves structured instructions ({@code block}, {@code loop}, {@code if}) out of one function into functions of
 * their own ("parts") until no part and what remains is larger than a budget: for {@link FunctionSplitter}.
 *
 * <p>A part takes the locals its code uses as parameters and returns those it writes, after the values its block
 * leaves; the function calls it where the code was and stores them back. A branch from the part's code to a label
 * outside it, or a {@code return}, sets an exit code (and the value the branch carries, or the values returned) and
 * leaves the part; after the call the function branches or returns as the code said. Code with a branch the part
 * could not take along (one that carries several values, or a value by a {@code br_table}, a tail call, a GC branch)
 * stays where it is.
 *
 * <p>Bottom up: a structured instruction's contents are reduced before it is, so a part is never over the budget
 * unless one straight stretch of code is.
 */
final class Outliner {

    /** Below this many bytes, code is not worth a call. */
    private static final int SMALLEST_PART = 64;

    private static final int I32 = 0x7f;

    /** The exit code of a part whose code returned; a branch to the k-th label outside it is {@code FIRST_LABEL + k}. */
    private static final int RETURNED = 1;

    private static final int FIRST_LABEL = 2;

    /** The value type of a label whose branches carry no value, or more than one, or one of a type index's types. */
    private static final int NO_TYPE = -1;

    /** What the splitter knows of the module's types, and where parts go. */
    interface Module {
        /** How many values a block of type index {@code type} takes. */
        int params(int type);

        /** How many values a block of type index {@code type} leaves. */
        int results(int type);

        /** Adds a part with this signature and body (its locals and code); returns its function index. */
        int addPart(List<Integer> params, List<Integer> results, List<Integer> locals, List<Item> code);
    }

    private final Module module;
    private final int budget;
    /** The value type of each of the function's locals, parameters first; grows with the locals call sites need. */
    private final List<Integer> locals;

    private final List<Integer> resultTypes;
    /** The locals a call site writes and reads at once, which a later part can keep to itself. */
    private final BitSet scratch = new BitSet();

    private int codeLocal = -1;
    private int[] returnLocals;
    /** The function's locals that keep the value a part's leaving branch carried, by its type. */
    private final Map<Integer, Integer> carryLocals = new HashMap<>();

    private int parts;

    /**
     * @param locals the value type of each local, parameters first
     * @param resultTypes the function's results
     */
    Outliner(Module module, int budget, List<Integer> locals, List<Integer> resultTypes) {
        this.module = module;
        this.budget = budget;
        this.locals = new ArrayList<>(locals);
        this.resultTypes = List.copyOf(resultTypes);
    }

    /** The function's code with parts moved out; what {@link #locals()} says it needs. */
    List<Item> split(List<Item> code) {
        int valueType = resultTypes.size() == 1 ? resultTypes.get(0) : NO_TYPE;
        return reduce(code, new Labels(null, resultTypes.size(), valueType), budget);
    }

    /** The value types of the function's locals now, its parameters first. */
    List<Integer> locals() {
        return locals;
    }

    /** How many parts were moved out. */
    int parts() {
        return parts;
    }

    /** The labels around a point, the innermost first, each with the number of values a branch to it carries. */
    private record Labels(Labels outer, int arity, int valueType) {
        Labels at(int k) {
            Labels labels = this;
            for (int i = 0; i < k; i++) {
                labels = labels.outer;
            }
            return labels;
        }

        boolean isFunction() {
            return outer == null;
        }
    }

    private List<Item> reduce(List<Item> items, Labels labels, int room) {
        List<Item> reduced = new ArrayList<>(items.size());
        for (Item item : items) {
            reduced.add(item instanceof Node node ? reduceNode(node, labels) : item);
        }
        int size = CodeTree.sizeOf(reduced);
        if (size <= room) {
            return reduced;
        }
        // The largest first: moving one out leaves the others' exits as they were.
        List<Node> candidates = new ArrayList<>();
        for (Item item : reduced) {
            if (item instanceof Node node && node.read() && node.size() >= SMALLEST_PART && node.simpleType()) {
                candidates.add(node);
            }
        }
        candidates.sort(Comparator.comparingInt(Node::size).reversed());
        for (Node node : candidates) {
            if (size <= room) {
                break;
            }
            Optional<Exits> exits = Exits.of(node, labels);
            if (exits.isEmpty()) {
                continue;
            }
            List<Item> call = moveOut(node, labels, exits.get());
            int saved = node.size() - CodeTree.sizeOf(call);
            if (saved <= 0) {
                break; // calling costs what it saves, and smaller candidates save less
            }
            int at = indexOf(reduced, node);
            reduced.remove(at);
            reduced.addAll(at, call);
            size -= saved;
        }
        return reduced;
    }

    private static int indexOf(List<Item> items, Node node) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == node) {
                return i;
            }
        }
        throw new IllegalStateException("a candidate left its list");
    }

    private Node reduceNode(Node node, Labels labels) {
        int arity = arity(node);
        Labels inside = new Labels(labels, arity, arity == 1 && node.simpleType() ? node.blockType() : NO_TYPE);
        int room = node.otherwise().isPresent() ? budget / 2 : budget;
        return node.with(reduce(node.body(), inside, room), node.otherwise().map(items -> reduce(items, inside, room)));
    }

    private int arity(Node node) {
        if (node.blockType() >= CodeTree.TYPE_INDEX) {
            int type = node.blockType() - CodeTree.TYPE_INDEX;
            return node.opcode() == OpCode.LOOP ? module.params(type) : module.results(type);
        }
        return node.opcode() == OpCode.LOOP ? 0 : node.results();
    }

    /** Where the code of a candidate part goes outside it, and what of the function's locals it uses. */
    private static final class Exits {
        final SortedSet<Integer> labels = new TreeSet<>();
        /** The labels among {@link #labels} whose branches carry a value, with its type. */
        final SortedMap<Integer, Integer> carried = new TreeMap<>();

        boolean returns;
        boolean tables;
        final SortedSet<Integer> used = new TreeSet<>();
        final SortedSet<Integer> written = new TreeSet<>();

        boolean any() {
            return returns || !labels.isEmpty();
        }

        /** The exits of {@code node}'s code, at a point with {@code labels} around; empty when it cannot move. */
        static Optional<Exits> of(Node node, Labels labels) {
            Exits exits = new Exits();
            return exits.scan(List.of(node), 0, labels) ? Optional.of(exits) : Optional.empty();
        }

        private boolean scan(List<Item> items, int depth, Labels labels) {
            for (Item item : items) {
                if (item instanceof Node node) {
                    if (!scan(node.body(), depth + 1, labels)
                            || node.otherwise().isPresent()
                                    && !scan(node.otherwise().get(), depth + 1, labels)) {
                        return false;
                    }
                } else if (!scanOp((Op) item, depth, labels)) {
                    return false;
                }
            }
            return true;
        }

        private boolean scanOp(Op op, int depth, Labels labels) {
            switch (op.opcode()) {
                case LOCAL_GET -> used.add(op.immediate());
                case LOCAL_SET, LOCAL_TEE -> {
                    used.add(op.immediate());
                    written.add(op.immediate());
                }
                case BR -> {
                    return op.immediate() < depth || leaves(op.immediate() - depth, labels, true);
                }
                case BR_IF -> {
                    return op.immediate() < depth || leaves(op.immediate() - depth, labels, false);
                }
                case BR_TABLE -> {
                    for (int label : op.labels()) {
                        if (label >= depth) {
                            if (labels.at(label - depth).arity() != 0) { // a table's values: kept in place
                                return false;
                            }
                            this.labels.add(label - depth);
                            tables = true;
                        }
                    }
                }
                case RETURN -> returns = true;
                case RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF, BR_ON_NULL, BR_ON_NON_NULL -> {
                    return false;
                }
                default -> {}
            }
            return true;
        }

        /**
         * A branch to the k-th label outside: one carrying a value of a known type leaves with it; one carrying the
         * function's several results leaves as a return, and only unconditionally.
         */
        private boolean leaves(int k, Labels labels, boolean unconditional) {
            Labels target = labels.at(k);
            if (target.arity() == 0) {
                this.labels.add(k);
                return true;
            }
            if (target.arity() == 1 && target.valueType() != NO_TYPE) {
                this.labels.add(k);
                carried.put(k, target.valueType());
                return true;
            }
            if (target.isFunction() && unconditional) {
                returns = true;
                return true;
            }
            return false;
        }

        /** The types of the values leaving branches carry, one local each, in a fixed order. */
        SortedSet<Integer> carriedTypes() {
            return new TreeSet<>(carried.values());
        }
    }

    /** Moves {@code node} into a part; returns the call that replaces it. */
    private List<Item> moveOut(Node node, Labels labels, Exits exits) {
        int origin = node.open().origin();
        Part part = new Part(node, exits);
        int function = module.addPart(part.params, part.results, part.partLocals, part.code(labels));
        parts++;
        List<Item> call = new ArrayList<>();
        for (int local : part.passed) {
            call.add(Op.made(OpCode.LOCAL_GET, origin, local));
        }
        call.add(Op.made(OpCode.CALL, origin, function));
        if (exits.any()) {
            call.add(Op.made(OpCode.LOCAL_SET, origin, codeLocal()));
        }
        List<Integer> carriedTypes = new ArrayList<>(exits.carriedTypes());
        for (int i = carriedTypes.size() - 1; i >= 0; i--) {
            call.add(Op.made(OpCode.LOCAL_SET, origin, carryLocal(carriedTypes.get(i))));
        }
        if (exits.returns) {
            int[] returned = returnLocals();
            for (int i = returned.length - 1; i >= 0; i--) {
                call.add(Op.made(OpCode.LOCAL_SET, origin, returned[i]));
            }
        }
        List<Integer> written = new ArrayList<>(part.returnedLocals);
        for (int i = written.size() - 1; i >= 0; i--) {
            call.add(Op.made(OpCode.LOCAL_SET, origin, written.get(i)));
        }
        if (exits.any()) {
            call.add(Op.made(OpCode.LOCAL_GET, origin, codeLocal()));
            call.add(Node.made(OpCode.IF, origin, dispatch(exits, origin)));
        }
        return call;
    }

    /**
     * After a part that left early: branch to where it went, or return what it returned. One {@code br_table} on the
     * exit code, whose labels for the code of each label outside are that code plus a constant, which is what lets a
     * later part around this one leave for them with one exit ({@link Part#table}).
     */
    private List<Item> dispatch(Exits exits, int origin) {
        int inner = exits.returns ? 1 : 0; // the block the return code goes to
        int maxCode = exits.labels.isEmpty() ? RETURNED : FIRST_LABEL + exits.labels.last();
        int[] labels = new int[maxCode + 2];
        for (int code = 0; code < labels.length; code++) {
            int k = code - FIRST_LABEL;
            if (code == RETURNED && exits.returns) {
                labels[code] = 0;
            } else if (k >= 0 && exits.labels.contains(k) && !exits.carried.containsKey(k)) {
                labels[code] = k + 1 + inner; // past this if, and the return's block
            } else {
                labels[code] = inner; // leaves this if: no part exits with it
            }
        }
        List<Item> items = new ArrayList<>();
        exits.carried.forEach((k, type) -> { // a branch with its value, out of this if and the one around it
            items.add(Op.made(OpCode.LOCAL_GET, origin, codeLocal()));
            items.add(Op.made(OpCode.I32_CONST, origin, FIRST_LABEL + k));
            items.add(Op.made(OpCode.I32_EQ, origin));
            items.add(Node.made(
                    OpCode.IF,
                    origin,
                    List.of(Op.made(OpCode.LOCAL_GET, origin, carryLocal(type)), Op.made(OpCode.BR, origin, k + 2))));
        });
        List<Item> table = List.of(Op.made(OpCode.LOCAL_GET, origin, codeLocal()), Op.table(origin, labels));
        if (!exits.returns) {
            items.addAll(table);
            return items;
        }
        items.add(Node.made(OpCode.BLOCK, origin, table));
        for (int local : returnLocals()) {
            items.add(Op.made(OpCode.LOCAL_GET, origin, local));
        }
        items.add(Op.made(OpCode.RETURN, origin));
        return items;
    }

    private int codeLocal() {
        if (codeLocal < 0) {
            codeLocal = scratchLocal(I32);
        }
        return codeLocal;
    }

    private int carryLocal(int type) {
        return carryLocals.computeIfAbsent(type, this::scratchLocal);
    }

    private int[] returnLocals() {
        if (returnLocals == null) {
            returnLocals = resultTypes.stream().mapToInt(this::scratchLocal).toArray();
        }
        return returnLocals;
    }

    private int scratchLocal(int type) {
        locals.add(type);
        scratch.set(locals.size() - 1);
        return locals.size() - 1;
    }

    /** One part being made: its signature, its locals, and its code from the node it moves out. */
    private final class Part {
        private final Node node;
        private final Exits exits;
        /** The function's locals the part takes, in order of its parameters (after an {@code if}'s condition). */
        final List<Integer> passed = new ArrayList<>();
        /** The function's locals the part writes, in the order it returns them. */
        final List<Integer> returnedLocals = new ArrayList<>();

        final List<Integer> params = new ArrayList<>();
        final List<Integer> results = new ArrayList<>();
        /** The part's locals after its parameters. */
        final List<Integer> partLocals = new ArrayList<>();
        /** The part's local of each of the function's locals its code names; -1 for the others. */
        private final int[] localOf;

        private int exitCode = -1;
        private int[] returned = new int[0];
        private int index = -1;
        /** The part's local that keeps a leaving branch's value, by its type. */
        private final Map<Integer, Integer> carry = new HashMap<>();
        /** Where a {@code br_if} that leaves with a value keeps its condition. */
        private int condition = -1;

        private int result = -1;

        Part(Node node, Exits exits) {
            this.node = node;
            this.exits = exits;
            this.localOf = new int[locals.size()];
            Arrays.fill(localOf, -1);
            boolean takesCondition = node.opcode() == OpCode.IF;
            if (takesCondition) {
                params.add(I32);
            }
            List<Integer> kept = new ArrayList<>();
            for (int local : exits.used) {
                if (scratch.get(local)) {
                    kept.add(local);
                } else {
                    localOf[local] = params.size();
                    params.add(locals.get(local));
                    passed.add(local);
                }
            }
            for (int local : exits.written) {
                if (!scratch.get(local)) {
                    returnedLocals.add(local);
                }
            }
            for (int local : kept) {
                localOf[local] = newLocal(locals.get(local));
            }
            if (node.results() == 1) {
                results.add(node.blockType());
            }
            returnedLocals.forEach(local -> results.add(locals.get(local)));
            if (exits.returns) {
                results.addAll(resultTypes);
                returned = resultTypes.stream().mapToInt(this::newLocal).toArray();
            }
            for (int type : exits.carriedTypes()) {
                results.add(type);
                carry.put(type, newLocal(type));
            }
            if (!exits.carried.isEmpty()) {
                condition = newLocal(I32);
            }
            if (exits.any()) {
                results.add(I32);
                exitCode = newLocal(I32);
                if (node.results() == 1) {
                    result = newLocal(node.blockType());
                }
            }
            if (exits.tables) {
                index = newLocal(I32);
            }
        }

        private int newLocal(int type) {
            partLocals.add(type);
            return params.size() + partLocals.size() - 1;
        }

        /** The part's code, without its final {@code end}. */
        List<Item> code(Labels labels) {
            int origin = node.open().origin();
            List<Item> inner = new ArrayList<>();
            if (node.opcode() == OpCode.IF) {
                inner.add(Op.made(OpCode.LOCAL_GET, origin, 0));
            }
            inner.add(rewrite(node, 0, labels));
            List<Item> code = new ArrayList<>();
            if (exits.any()) {
                if (result >= 0) {
                    inner.add(Op.made(OpCode.LOCAL_SET, origin, result));
                }
                code.add(Node.made(OpCode.BLOCK, origin, inner));
                if (result >= 0) {
                    code.add(Op.made(OpCode.LOCAL_GET, origin, result));
                }
            } else {
                code.addAll(inner);
            }
            for (int local : returnedLocals) {
                code.add(Op.made(OpCode.LOCAL_GET, origin, localOf[local]));
            }
            for (int local : returned) {
                code.add(Op.made(OpCode.LOCAL_GET, origin, local));
            }
            for (int type : exits.carriedTypes()) {
                code.add(Op.made(OpCode.LOCAL_GET, origin, carry.get(type)));
            }
            if (exits.any()) {
                code.add(Op.made(OpCode.LOCAL_GET, origin, exitCode));
            }
            return code;
        }

        /** A structured instruction of the moved code at {@code depth} labels inside it, as the part runs it. */
        private Node rewrite(Node inner, int depth, Labels labels) {
            return inner.with(
                    rewriteAll(inner.body(), depth + 1, labels),
                    inner.otherwise().map(items -> rewriteAll(items, depth + 1, labels)));
        }

        private List<Item> rewriteAll(List<Item> items, int depth, Labels labels) {
            List<Item> rewritten = new ArrayList<>(items.size());
            for (Item item : items) {
                if (item instanceof Op op) {
                    rewritten.addAll(rewriteOp(op, depth, labels));
                } else {
                    rewritten.add(rewrite((Node) item, depth, labels));
                }
            }
            return rewritten;
        }

        /** {@code depth} labels inside the moved code, the part's exit block is the label at {@code depth}. */
        private List<Item> rewriteOp(Op op, int depth, Labels labels) {
            int origin = op.origin();
            switch (op.opcode()) {
                case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
                    return List.of(op.with(localOf[op.immediate()]));
                }
                case BR -> {
                    if (op.immediate() < depth) {
                        return List.of(op);
                    }
                    int k = op.immediate() - depth;
                    if (exits.carried.containsKey(k)) {
                        List<Item> items = new ArrayList<>();
                        items.add(Op.made(OpCode.LOCAL_SET, origin, carry.get(exits.carried.get(k))));
                        items.addAll(leave(FIRST_LABEL + k, depth, origin));
                        return items;
                    }
                    return labels.at(k).arity() == 0
                            ? leave(FIRST_LABEL + k, depth, origin)
                            : returnFrom(depth, origin);
                }
                case BR_IF -> {
                    if (op.immediate() < depth) {
                        return List.of(op);
                    }
                    int k = op.immediate() - depth;
                    List<Item> taken = leave(FIRST_LABEL + k, depth + 1, origin);
                    if (!exits.carried.containsKey(k)) {
                        return List.of(Node.made(OpCode.IF, origin, taken));
                    }
                    // the value stays for the code after a branch not taken, and is kept for one taken
                    return List.of(
                            Op.made(OpCode.LOCAL_SET, origin, condition),
                            Op.made(OpCode.LOCAL_TEE, origin, carry.get(exits.carried.get(k))),
                            Op.made(OpCode.LOCAL_GET, origin, condition),
                            Node.made(OpCode.IF, origin, taken));
                }
                case BR_TABLE -> {
                    return table(op, depth);
                }
                case RETURN -> {
                    return returnFrom(depth, origin);
                }
                default -> {
                    return List.of(op);
                }
            }
        }

        /** Sets the exit code and branches to the part's exit block, {@code depth} labels out. */
        private List<Item> leave(int code, int depth, int origin) {
            return List.of(
                    Op.made(OpCode.I32_CONST, origin, code),
                    Op.made(OpCode.LOCAL_SET, origin, exitCode),
                    Op.made(OpCode.BR, origin, depth));
        }

        private List<Item> returnFrom(int depth, int origin) {
            List<Item> items = new ArrayList<>();
            for (int i = returned.length - 1; i >= 0; i--) {
                items.add(Op.made(OpCode.LOCAL_SET, origin, returned[i]));
            }
            items.addAll(leave(RETURNED, depth, origin));
            return items;
        }

        /**
         * A {@code br_table} with labels outside the part: it branches to blocks around it instead, after whose end
         * the part leaves with the exit code of the label. Entries whose label outside is their index plus the same
         * constant share a block, which computes the code from the index: a call's exit table is one such run, so
         * parts around parts do not multiply their exits.
         */
        private List<Item> table(Op op, int depth) {
            int origin = op.origin();
            int[] original = op.labels();
            int last = original.length - 1;
            List<Integer> offsets = new ArrayList<>(); // label minus index, per run of entries, first seen first
            for (int i = 0; i < last; i++) {
                if (original[i] >= depth && !offsets.contains(original[i] - i)) {
                    offsets.add(original[i] - i);
                }
            }
            boolean defaultLeaves = original[last] >= depth;
            int blocks = offsets.size() + (defaultLeaves ? 1 : 0);
            if (blocks == 0) {
                return List.of(op);
            }
            int[] labels = new int[original.length];
            for (int i = 0; i < original.length; i++) {
                if (original[i] < depth) {
                    labels[i] = original[i] + blocks;
                } else if (i == last) {
                    labels[i] = blocks - 1 - offsets.size();
                } else {
                    labels[i] = blocks - 1 - offsets.indexOf(original[i] - i);
                }
            }
            List<Item> inner = List.of(Op.made(OpCode.LOCAL_GET, origin, index), Op.table(origin, labels));
            for (int j = blocks - 1; j >= 0; j--) {
                List<Item> wrapped = new ArrayList<>();
                wrapped.add(Node.made(OpCode.BLOCK, origin, inner));
                if (j < offsets.size()) { // the code of the label outside: index + offset - depth, as an exit code
                    wrapped.add(Op.made(OpCode.LOCAL_GET, origin, index));
                    wrapped.add(Op.made(OpCode.I32_CONST, origin, FIRST_LABEL + offsets.get(j) - depth));
                    wrapped.add(Op.made(OpCode.I32_ADD, origin));
                    wrapped.add(Op.made(OpCode.LOCAL_SET, origin, exitCode));
                    wrapped.add(Op.made(OpCode.BR, origin, depth + j));
                } else {
                    wrapped.addAll(leave(FIRST_LABEL + original[last] - depth, depth + j, origin));
                }
                inner = wrapped;
            }
            List<Item> items = new ArrayList<>();
            items.add(Op.made(OpCode.LOCAL_SET, origin, index));
            items.addAll(inner);
            return items;
        }
    }
}
