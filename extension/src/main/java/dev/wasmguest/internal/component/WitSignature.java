package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * A function's type read from WIT text, for typed calls of a core module built with wit-bindgen, which carries no
 * types of its own: {@code func(name: string, times: u32) -> result<string, string>}, after any definitions of the
 * named types it uses ({@code record point { x: s32, y: s32 }}, {@code variant}, {@code enum}, {@code flags},
 * {@code type name = ...}, {@code resource name}). The older wit-bindgen names that such modules' exports spell out
 * ({@code rb-eval-string-protect: func(str: string) -> tuple<handle<rb-abi-value>, s32>}) read too: {@code
 * float32}, {@code float64}, {@code handle<r>}, {@code expected<t, e>}, anonymous {@code variant { ... }} and
 * {@code -> ()}. Not thread-safe; each parse is its own.
 */
@API(status = INTERNAL, since = "0.1")
public final class WitSignature {

    private static final Pattern TOKEN =
            Pattern.compile("\\s*(?://[^\\n]*\\s*)*(->|%?[a-zA-Z][a-zA-Z0-9-]*|[(){}<>,:;=_*])");

    /** The name before a signature, as wit-bindgen's older exports spell it: {@code name: func(...)}. */
    private static final Pattern NAMED = Pattern.compile("^\\s*%?[a-zA-Z][a-zA-Z0-9-]*\\s*:\\s*(?=func\\b)");

    private final String text;
    private final Matcher tokens;
    private final Map<String, ValueType> named = new HashMap<>();
    private final Map<String, ValueType.ResourceType> resources = new HashMap<>();
    private int position;
    private String peeked;

    private WitSignature(String text) {
        this.text = text;
        this.tokens = TOKEN.matcher(text);
    }

    /**
     * The function type that {@code text} declares; a leading {@code name:} before {@code func} is skipped.
     *
     * @throws IllegalArgumentException when the text is not such WIT, saying where and what was expected
     */
    public static FunctionType parse(String text) {
        return new WitSignature(NAMED.matcher(text).replaceFirst("")).signature();
    }

    /** {@code type} as WIT text, named types spelled out: {@code func(p: record { x: s32 }) -> string}. */
    public static String describe(FunctionType type) {
        String params = type.params().stream()
                .map(param -> param.name() + ": " + describe(param.type()))
                .collect(java.util.stream.Collectors.joining(", ", "func(", ")"));
        return params + type.result().map(result -> " -> " + describe(result)).orElse("");
    }

    /** {@code type} as WIT text. */
    public static String describe(ValueType type) {
        if (type instanceof TypeDef.Primitive primitive) {
            return primitive.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (type instanceof ValueType.ListType list) {
            return "list<" + describe(list.element()) + ">";
        }
        if (type instanceof ValueType.RecordType record) {
            return record.isTuple()
                    ? record.fields().stream()
                            .map(field -> describe(field.type()))
                            .collect(java.util.stream.Collectors.joining(", ", "tuple<", ">"))
                    : record.fields().stream()
                            .map(field -> field.name() + ": " + describe(field.type()))
                            .collect(java.util.stream.Collectors.joining(", ", "record { ", " }"));
        }
        if (type instanceof ValueType.VariantType variant) {
            return switch (variant.kind()) {
                case OPTION ->
                    "option<" + describe(variant.cases().get(1).type().orElseThrow()) + ">";
                case RESULT ->
                    "result<"
                            + variant.cases()
                                    .get(0)
                                    .type()
                                    .map(WitSignature::describe)
                                    .orElse("_")
                            + variant.cases()
                                    .get(1)
                                    .type()
                                    .map(error -> ", " + describe(error))
                                    .orElse("") + ">";
                case VARIANT ->
                    variant.cases().stream()
                            .map(c -> c.name()
                                    + c.type().map(t -> "(" + describe(t) + ")").orElse(""))
                            .collect(java.util.stream.Collectors.joining(", ", "variant { ", " }"));
            };
        }
        if (type instanceof ValueType.EnumType enumType) {
            return "enum { " + String.join(", ", enumType.names()) + " }";
        }
        if (type instanceof ValueType.FlagsType flags) {
            return "flags { " + String.join(", ", flags.names()) + " }";
        }
        ValueType.HandleType handle = (ValueType.HandleType) type;
        return (handle.owned() ? "own<" : "borrow<") + handle.resource().name() + ">";
    }

    private FunctionType signature() {
        while (!peek().equals("func")) {
            definition(next());
        }
        next();
        expect("(");
        List<ValueType.Named> params = new ArrayList<>();
        while (!peek().equals(")")) {
            String name = identifier();
            expect(":");
            params.add(new ValueType.Named(name, type()));
            if (!peek().equals(")")) {
                expect(",");
            }
        }
        expect(")");
        Optional<ValueType> result = Optional.empty();
        if (peek().equals("->")) {
            next();
            if (peek().equals("(")) {
                next();
                expect(")");
            } else {
                result = Optional.of(type());
            }
        }
        if (peek().equals(";")) {
            next();
        }
        if (!peek().isEmpty()) {
            throw unexpected("the end after the function's type");
        }
        return new FunctionType(params, result);
    }

    private void definition(String keyword) {
        switch (keyword) {
            case "record", "variant", "enum", "flags" -> {
                String name = identifier();
                named.put(name, compound(keyword));
            }
            case "type" -> {
                String name = identifier();
                expect("=");
                named.put(name, type());
            }
            case "resource" -> resource(identifier());
            default ->
                throw new IllegalArgumentException(
                        "WIT signature \"" + text + "\": expected func(...) or a type's definition (record, variant,"
                                + " enum, flags, type, resource), found \"" + keyword + "\"");
        }
        if (peek().equals(";")) {
            next();
        }
    }

    private ValueType type() {
        String word = next();
        Optional<TypeDef.Primitive> primitive = primitive(word);
        if (primitive.isPresent()) {
            return primitive.get();
        }
        switch (word) {
            case "list":
                return new ValueType.ListType(single());
            case "option":
                return ValueType.option(single());
            case "tuple":
                return tuple();
            case "result", "expected":
                return result();
            case "handle": {
                expect("<");
                ValueType.ResourceType resource = resource(identifier());
                expect(">");
                // wit-bindgen's first ABI lends a handle<r> to a call, as its JavaScript host does: the host keeps it
                return new ValueType.HandleType(resource, false);
            }
            case "own", "borrow":
                throw new IllegalArgumentException("WIT signature \"" + text + "\": " + word + "<...> handles of a"
                        + " core module are not supported: today's wit-bindgen passes them through [export] imports"
                        + " that no host here serves. Only wit-bindgen's first ABI's handle<r> is (its"
                        + " canonical_abi.resource_* imports)");
            case "record", "variant", "enum", "flags":
                return compound(word);
            default:
                String name = word.startsWith("%") ? word.substring(1) : word;
                ValueType type = named.get(name);
                if (type == null) {
                    if (resources.containsKey(name)) {
                        return new ValueType.HandleType(resources.get(name), false); // as handle<name>
                    }
                    throw new IllegalArgumentException("WIT signature \"" + text + "\": the type \"" + name
                            + "\" is neither built in nor defined before the func; define it first, e.g. record "
                            + name + " { ... }");
                }
                return type;
        }
    }

    private ValueType compound(String keyword) {
        expect("{");
        List<ValueType.Named> fields = new ArrayList<>();
        List<ValueType.CaseType> cases = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (!peek().equals("}")) {
            String name = identifier();
            names.add(name);
            if (keyword.equals("record")) {
                expect(":");
                fields.add(new ValueType.Named(name, type()));
            } else if (keyword.equals("variant")) {
                Optional<ValueType> payload = Optional.empty();
                if (peek().equals("(")) {
                    next();
                    payload = Optional.of(type());
                    expect(")");
                }
                cases.add(new ValueType.CaseType(name, payload));
            }
            if (!peek().equals("}")) {
                expect(",");
            }
        }
        expect("}");
        return switch (keyword) {
            case "record" -> new ValueType.RecordType(fields);
            case "variant" -> new ValueType.VariantType(cases);
            case "enum" -> new ValueType.EnumType(names);
            default -> new ValueType.FlagsType(names);
        };
    }

    private ValueType single() {
        expect("<");
        ValueType element = type();
        expect(">");
        return element;
    }

    private ValueType tuple() {
        expect("<");
        List<ValueType.Named> fields = new ArrayList<>();
        while (!peek().equals(">")) {
            fields.add(new ValueType.Named(String.valueOf(fields.size()), type()));
            if (!peek().equals(">")) {
                expect(",");
            }
        }
        expect(">");
        return new ValueType.RecordType(fields);
    }

    private ValueType result() {
        if (!peek().equals("<")) {
            return ValueType.result(Optional.empty(), Optional.empty());
        }
        next();
        Optional<ValueType> ok = optionalType();
        Optional<ValueType> error = Optional.empty();
        if (peek().equals(",")) {
            next();
            error = optionalType();
        }
        expect(">");
        return ValueType.result(ok, error);
    }

    private Optional<ValueType> optionalType() {
        if (peek().equals("_")) {
            next();
            return Optional.empty();
        }
        return Optional.of(type());
    }

    private ValueType.ResourceType resource(String name) {
        return resources.computeIfAbsent(name, ValueType.ResourceType::new);
    }

    private static Optional<TypeDef.Primitive> primitive(String word) {
        return Optional.ofNullable(
                switch (word) {
                    case "bool" -> TypeDef.Primitive.BOOL;
                    case "s8" -> TypeDef.Primitive.S8;
                    case "u8" -> TypeDef.Primitive.U8;
                    case "s16" -> TypeDef.Primitive.S16;
                    case "u16" -> TypeDef.Primitive.U16;
                    case "s32" -> TypeDef.Primitive.S32;
                    case "u32" -> TypeDef.Primitive.U32;
                    case "s64" -> TypeDef.Primitive.S64;
                    case "u64" -> TypeDef.Primitive.U64;
                    case "f32", "float32" -> TypeDef.Primitive.F32;
                    case "f64", "float64" -> TypeDef.Primitive.F64;
                    case "char" -> TypeDef.Primitive.CHAR;
                    case "string" -> TypeDef.Primitive.STRING;
                    default -> null;
                });
    }

    private String identifier() {
        String word = next();
        if (!Character.isLetter(word.charAt(0)) && !word.startsWith("%")) {
            throw unexpectedToken(word, "a name");
        }
        return word.startsWith("%") ? word.substring(1) : word;
    }

    private void expect(String wanted) {
        String word = next();
        if (!word.equals(wanted)) {
            throw unexpectedToken(word, "\"" + wanted + "\"");
        }
    }

    private String peek() {
        if (peeked == null) {
            peeked = read();
        }
        return peeked;
    }

    private String next() {
        String word = peek();
        peeked = null;
        if (word.isEmpty()) {
            throw unexpected("more");
        }
        return word;
    }

    /** The next token, or "" at the end. */
    private String read() {
        tokens.region(position, text.length());
        if (tokens.lookingAt()) {
            position = tokens.end();
            return tokens.group(1);
        }
        if (text.substring(position).isBlank()) {
            return "";
        }
        throw new IllegalArgumentException("WIT signature \"" + text + "\": cannot read \""
                + text.substring(position).strip() + "\"");
    }

    private IllegalArgumentException unexpected(String wanted) {
        return unexpectedToken(peeked == null || peeked.isEmpty() ? "the end" : peeked, wanted);
    }

    private IllegalArgumentException unexpectedToken(String found, String wanted) {
        return new IllegalArgumentException("WIT signature \"" + text + "\": expected " + wanted + " at character "
                + position + ", found " + (found.equals("the end") ? found : "\"" + found + "\""));
    }
}
