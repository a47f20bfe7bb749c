package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.component.Definition.CanonOptions;
import dev.wasmguest.internal.component.Definition.Item;
import dev.wasmguest.internal.component.Definition.StringEncoding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Reads a component binary (layer 1, version {@code 0x0d}) into a {@link Component}: every section that command
 * components built by wasm-tools, jco and Rust's {@code wasm32-wasip2} hold. What belongs to the async, thread or
 * value proposals is refused with a message that names it, as is anything malformed. Not thread-safe: one per parse.
 */
@API(status = INTERNAL, since = "0.1")
public final class ComponentParser {

    private static final int VERSION = 0x0d;

    private final Map<Sort, List<Definition>> spaces = new EnumMap<>(Sort.class);
    private final List<TypeDef> types = new ArrayList<>();
    private final List<Definition.Import> imports = new ArrayList<>();
    private final List<Definition.Export> exports = new ArrayList<>();

    private ComponentParser() {}

    /**
     * @throws MalformedComponentException naming what is malformed or unsupported, and where
     */
    public static Component parse(byte[] bytes) {
        return parse(new ComponentInput(bytes, 0, bytes.length));
    }

    private static Component parse(ComponentInput in) {
        if (in.u8() != 0 || in.u8() != 'a' || in.u8() != 's' || in.u8() != 'm') {
            throw new MalformedComponentException("not WebAssembly: the file does not start with \\0asm");
        }
        int version = in.u8() | in.u8() << 8;
        int layer = in.u8() | in.u8() << 8;
        if (layer != 1) {
            throw new MalformedComponentException("not a component: its layer is " + layer);
        }
        if (version != VERSION) {
            throw new MalformedComponentException("component binary version " + ComponentInput.hex(version)
                    + " is not the one wasmguest reads (" + ComponentInput.hex(VERSION)
                    + ", WASI 0.2's); rebuild it with a current toolchain");
        }
        ComponentParser parser = new ComponentParser();
        while (!in.atEnd()) {
            int id = in.u8();
            int start = in.position();
            ComponentInput section = in.slice(in.u32());
            parser.section(id, section, start);
            if (!section.atEnd()) {
                throw new MalformedComponentException(
                        "section " + id + " at byte " + start + " has bytes left after its contents");
            }
        }
        return new Component(parser.spaces, parser.types, parser.imports, parser.exports);
    }

    private void section(int id, ComponentInput in, int start) {
        switch (id) {
            case 0 -> in.slice(in.remaining()); // custom: names, producers
            case 1 -> add(Sort.CORE_MODULE, new Definition.CoreModule(in.bytes(in.remaining())));
            case 2 -> in.vector(() -> add(Sort.CORE_INSTANCE, coreInstance(in)));
            case 3 -> in.vector(() -> add(Sort.CORE_TYPE, coreType(in)));
            case 4 -> add(Sort.COMPONENT, new Definition.NestedComponent(parse(in.slice(in.remaining()))));
            case 5 -> in.vector(() -> add(Sort.INSTANCE, instance(in)));
            case 6 -> in.vector(() -> alias(in));
            case 7 -> in.vector(() -> types.add(type(in)));
            case 8 -> in.vector(() -> canon(in));
            case 10 -> in.vector(() -> importDefinition(in));
            case 11 -> in.vector(() -> exportDefinition(in));
            case 9, 12 -> throw unsupported("section " + id + " (start functions and values of the value proposal)");
            default -> throw new MalformedComponentException("unknown section id " + id + " at byte " + start);
        }
    }

    private Void add(Sort sort, Definition definition) {
        spaces.computeIfAbsent(sort, any -> new ArrayList<>()).add(definition);
        return null;
    }

    private Definition coreInstance(ComponentInput in) {
        int kind = in.u8();
        return switch (kind) {
            case 0x00 -> {
                int module = in.u32();
                List<Item> args = in.vector(() -> {
                    String name = in.name();
                    int sort = in.u8();
                    if (sort != 0x12) {
                        throw new MalformedComponentException("a core instantiation argument must be an instance,"
                                + " found sort " + ComponentInput.hex(sort));
                    }
                    return new Item(name, Sort.CORE_INSTANCE, in.u32());
                });
                yield new Definition.Instantiation(module, args);
            }
            case 0x01 ->
                new Definition.InlineExports(in.vector(() -> {
                    String name = in.name();
                    Sort sort = Sort.core(in.u8());
                    return new Item(name, sort, in.u32());
                }));
            default -> throw new MalformedComponentException("unknown core instance kind " + ComponentInput.hex(kind));
        };
    }

    private Definition instance(ComponentInput in) {
        int kind = in.u8();
        return switch (kind) {
            case 0x00 -> {
                int component = in.u32();
                List<Item> args = in.vector(() -> {
                    String name = in.name();
                    Sort sort = Sort.read(in);
                    return new Item(name, sort, in.u32());
                });
                yield new Definition.Instantiation(component, args);
            }
            case 0x01 ->
                new Definition.InlineExports(in.vector(() -> {
                    String name = externName(in);
                    Sort sort = Sort.read(in);
                    return new Item(name, sort, in.u32());
                }));
            default -> throw new MalformedComponentException("unknown instance kind " + ComponentInput.hex(kind));
        };
    }

    private Void alias(ComponentInput in) {
        Sort sort = Sort.read(in);
        int target = in.u8();
        switch (target) {
            case 0x00 -> {
                int instance = in.u32();
                String name = in.name();
                defineAlias(sort, new Definition.ExportOf(instance, name), new TypeDef.InstanceExport(instance, name));
            }
            case 0x01 -> {
                int instance = in.u32();
                String name = in.name();
                if (sort == Sort.TYPE) {
                    throw new MalformedComponentException("a core export cannot be a component type");
                }
                add(sort, new Definition.CoreExportOf(instance, name));
            }
            case 0x02 -> {
                int count = in.u32();
                int index = in.u32();
                defineAlias(sort, new Definition.OuterOf(count, index), new TypeDef.Outer(count, index));
            }
            default -> throw new MalformedComponentException("unknown alias target " + ComponentInput.hex(target));
        }
        return null;
    }

    private void defineAlias(Sort sort, Definition definition, TypeDef type) {
        if (sort == Sort.TYPE) {
            types.add(type);
        } else {
            add(sort, definition);
        }
    }

    private Void canon(ComponentInput in) {
        int kind = in.u8();
        switch (kind) {
            case 0x00 -> {
                expectFuncSort(in);
                int coreFunc = in.u32();
                CanonOptions options = options(in);
                add(Sort.FUNC, new Definition.Lift(coreFunc, options, in.u32()));
            }
            case 0x01 -> {
                expectFuncSort(in);
                int func = in.u32();
                add(Sort.CORE_FUNC, new Definition.Lower(func, options(in)));
            }
            case 0x02, 0x03, 0x04 ->
                add(
                        Sort.CORE_FUNC,
                        new Definition.ResourceBuiltin(Definition.ResourceOperation.values()[kind - 0x02], in.u32()));
            default ->
                throw unsupported("canon " + ComponentInput.hex(kind)
                        + " (an async, stream, future, error-context or thread built-in of WASI 0.3)");
        }
        return null;
    }

    private static void expectFuncSort(ComponentInput in) {
        int sort = in.u8();
        if (sort != 0x00) {
            throw new MalformedComponentException(
                    "canon lift and lower take functions, found sort " + ComponentInput.hex(sort));
        }
    }

    private static CanonOptions options(ComponentInput in) {
        StringEncoding encoding = StringEncoding.UTF8;
        Optional<Integer> memory = Optional.empty();
        Optional<Integer> realloc = Optional.empty();
        Optional<Integer> postReturn = Optional.empty();
        for (int i = 0, count = in.count(); i < count; i++) {
            int option = in.u8();
            switch (option) {
                case 0x00 -> encoding = StringEncoding.UTF8;
                case 0x01 -> encoding = StringEncoding.UTF16;
                case 0x02 -> encoding = StringEncoding.LATIN1_UTF16;
                case 0x03 -> memory = Optional.of(in.u32());
                case 0x04 -> realloc = Optional.of(in.u32());
                case 0x05 -> postReturn = Optional.of(in.u32());
                default -> throw unsupported("canonical option " + ComponentInput.hex(option) + " (async or callback)");
            }
        }
        return new CanonOptions(encoding, memory, realloc, postReturn);
    }

    private Void importDefinition(ComponentInput in) {
        String name = externName(in);
        TypeDef.ExternType type = externType(in);
        Definition.Import definition = new Definition.Import(name, type);
        imports.add(definition);
        if (type.sort() == Sort.TYPE) {
            types.add(new TypeDef.Imported(name, type.equalTo()));
        } else {
            add(type.sort(), definition);
        }
        return null;
    }

    private Void exportDefinition(ComponentInput in) {
        String name = externName(in);
        Sort sort = Sort.read(in);
        int index = in.u32();
        if (in.present()) {
            externType(in); // an ascribed type: a supertype of the definition's own, which is what runs
        }
        Definition.Export export = new Definition.Export(name, index);
        exports.add(export);
        if (sort == Sort.TYPE) {
            types.add(new TypeDef.Exported(name, index));
        } else {
            add(sort, export);
        }
        return null;
    }

    /** An import's or export's name; attributes ({@code implements}, version suffixes) are read and left. */
    private static String externName(ComponentInput in) {
        int kind = in.u8();
        String name = in.name();
        switch (kind) {
            case 0x00, 0x01 -> {}
            case 0x02 ->
                in.vector(() -> {
                    int attribute = in.u8();
                    if (attribute > 0x02) {
                        throw new MalformedComponentException(
                                "unknown name attribute " + ComponentInput.hex(attribute));
                    }
                    return in.name();
                });
            default -> throw new MalformedComponentException("unknown name kind " + ComponentInput.hex(kind));
        }
        return name;
    }

    private static TypeDef.ExternType externType(ComponentInput in) {
        int kind = in.u8();
        return switch (kind) {
            case 0x00 -> {
                int core = in.u8();
                if (core != 0x11) {
                    throw new MalformedComponentException(
                            "a core import must be a module, found sort " + ComponentInput.hex(core));
                }
                yield new TypeDef.ExternType(Sort.CORE_MODULE, in.u32(), Optional.empty());
            }
            case 0x01 -> new TypeDef.ExternType(Sort.FUNC, in.u32(), Optional.empty());
            case 0x02 -> throw unsupported("value imports and exports (the value proposal)");
            case 0x03 -> {
                int bound = in.u8();
                yield switch (bound) {
                    case 0x00 -> {
                        int equal = in.u32();
                        yield new TypeDef.ExternType(Sort.TYPE, equal, Optional.of(equal));
                    }
                    case 0x01 -> new TypeDef.ExternType(Sort.TYPE, -1, Optional.empty());
                    default -> throw new MalformedComponentException("unknown type bound " + ComponentInput.hex(bound));
                };
            }
            case 0x04 -> new TypeDef.ExternType(Sort.COMPONENT, in.u32(), Optional.empty());
            case 0x05 -> new TypeDef.ExternType(Sort.INSTANCE, in.u32(), Optional.empty());
            default -> throw new MalformedComponentException("unknown extern type " + ComponentInput.hex(kind));
        };
    }

    private static TypeDef type(ComponentInput in) {
        int b = in.u8();
        return switch (b) {
            case 0x40 -> functionType(in);
            case 0x43 -> throw unsupported("async function types (WASI 0.3)");
            case 0x41 -> new TypeDef.ComponentType(in.vector(() -> componentDeclaration(in)));
            case 0x42 -> new TypeDef.Instance(in.vector(() -> instanceDeclaration(in)));
            case 0x3f -> resourceType(in);
            default -> valueType(b, in);
        };
    }

    private static TypeDef functionType(ComponentInput in) {
        List<TypeDef.Field> params = in.vector(() -> new TypeDef.Field(in.name(), valType(in)));
        int results = in.u8();
        Optional<TypeDef.ValType> result = switch (results) {
            case 0x00 -> Optional.of(valType(in));
            case 0x01 -> {
                if (in.u8() != 0x00) {
                    throw unsupported("named function results (removed from the component model)");
                }
                yield Optional.empty();
            }
            default -> throw new MalformedComponentException("unknown result list " + ComponentInput.hex(results));
        };
        return new TypeDef.Func(params, result);
    }

    private static TypeDef resourceType(ComponentInput in) {
        int representation = in.u8();
        if (representation != 0x7f) {
            throw new MalformedComponentException(
                    "a resource's representation must be i32, found " + ComponentInput.hex(representation));
        }
        return new TypeDef.Resource(in.present() ? Optional.of(in.u32()) : Optional.empty());
    }

    private static TypeDef valueType(int b, ComponentInput in) {
        TypeDef.Primitive primitive = primitive(b);
        if (primitive != null) {
            return primitive;
        }
        return switch (b) {
            case 0x72 -> new TypeDef.Record(in.vector(() -> new TypeDef.Field(in.name(), valType(in))));
            case 0x71 ->
                new TypeDef.Variant(in.vector(() -> {
                    String name = in.name();
                    Optional<TypeDef.ValType> type = in.present() ? Optional.of(valType(in)) : Optional.empty();
                    if (in.u8() != 0x00) {
                        throw unsupported("variant cases that refine another (removed from the component model)");
                    }
                    return new TypeDef.Case(name, type);
                }));
            case 0x70 -> new TypeDef.ListOf(valType(in));
            case 0x6f -> new TypeDef.Tuple(in.vector(() -> valType(in)));
            case 0x6e -> new TypeDef.Flags(in.vector(in::name));
            case 0x6d -> new TypeDef.Enum(in.vector(in::name));
            case 0x6b -> new TypeDef.Option(valType(in));
            case 0x6a -> {
                Optional<TypeDef.ValType> ok = in.present() ? Optional.of(valType(in)) : Optional.empty();
                Optional<TypeDef.ValType> error = in.present() ? Optional.of(valType(in)) : Optional.empty();
                yield new TypeDef.Result(ok, error);
            }
            case 0x69 -> new TypeDef.Own(in.u32());
            case 0x68 -> new TypeDef.Borrow(in.u32());
            case 0x67 -> throw unsupported("fixed-length lists");
            case 0x66, 0x65 -> throw unsupported("stream and future types (WASI 0.3)");
            case 0x64 -> throw unsupported("error-context (WASI 0.3)");
            case 0x63 -> throw unsupported("map types");
            default -> throw new MalformedComponentException("unknown type " + ComponentInput.hex(b));
        };
    }

    private static TypeDef.Primitive primitive(int b) {
        return b >= 0x73 && b <= 0x7f ? TypeDef.Primitive.values()[0x7f - b] : null;
    }

    /** A value type: a primitive's byte, or a type index as a non-negative signed LEB128 of 33 bits. */
    private static TypeDef.ValType valType(ComponentInput in) {
        long value = 0;
        int shift = 0;
        int b;
        do {
            b = in.u8();
            value |= (long) (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0 && shift < 35);
        if ((b & 0x80) != 0) {
            throw new MalformedComponentException("a value type at byte " + in.position() + " is too long");
        }
        if (shift < 64 && (b & 0x40) != 0) {
            value |= -1L << shift; // negative: a primitive, whose single byte is its code
        }
        if (value < 0) {
            TypeDef.Primitive primitive = primitive((int) (value & 0x7f));
            if (primitive == null) {
                throw unsupported("value type " + ComponentInput.hex((int) (value & 0x7f)));
            }
            return primitive;
        }
        return new TypeDef.Ref((int) value);
    }

    private static TypeDef.Declaration componentDeclaration(ComponentInput in) {
        int kind = in.u8();
        if (kind == 0x03) {
            String name = externName(in);
            return new TypeDef.ExternDeclaration(true, name, externType(in));
        }
        return instanceDeclaration(kind, in);
    }

    private static TypeDef.Declaration instanceDeclaration(ComponentInput in) {
        return instanceDeclaration(in.u8(), in);
    }

    private static TypeDef.Declaration instanceDeclaration(int kind, ComponentInput in) {
        return switch (kind) {
            case 0x00 -> coreTypeDeclaration(in);
            case 0x01 -> new TypeDef.TypeDeclaration(type(in));
            case 0x02 -> aliasDeclaration(in);
            case 0x04 -> {
                String name = externName(in);
                yield new TypeDef.ExternDeclaration(false, name, externType(in));
            }
            default -> throw new MalformedComponentException("unknown declaration " + ComponentInput.hex(kind));
        };
    }

    /** A core type inside an instance or component type: read past, since only core modules use them. */
    private static TypeDef.Declaration coreTypeDeclaration(ComponentInput in) {
        return new TypeDef.CoreTypeDeclaration(coreType(in));
    }

    private static TypeDef.Declaration aliasDeclaration(ComponentInput in) {
        Sort sort = Sort.read(in);
        int target = in.u8();
        TypeDef aliased = switch (target) {
            case 0x00 -> new TypeDef.InstanceExport(in.u32(), in.name());
            case 0x02 -> new TypeDef.Outer(in.u32(), in.u32());
            default ->
                throw new MalformedComponentException(
                        "unknown alias target " + ComponentInput.hex(target) + " in a type");
        };
        if (sort != Sort.TYPE) {
            throw unsupported("aliases of sort " + sort + " inside instance and component types");
        }
        return new TypeDef.TypeDeclaration(aliased);
    }

    /** A core type: a function type or a module type, kept as its bytes. */
    private static Definition.CoreType coreType(ComponentInput in) {
        int start = in.position();
        int form = in.u8();
        switch (form) {
            case 0x60 -> {
                in.vector(in::u8);
                in.vector(in::u8);
            }
            case 0x50 ->
                in.vector(() -> {
                    moduleDeclaration(in);
                    return null;
                });
            default -> throw unsupported("core type " + ComponentInput.hex(form) + " (WebAssembly GC types)");
        }
        return new Definition.CoreType(form, in.position() - start);
    }

    private static void moduleDeclaration(ComponentInput in) {
        int kind = in.u8();
        switch (kind) {
            case 0x00 -> {
                in.name();
                in.name();
                coreExternType(in);
            }
            case 0x01 -> coreType(in);
            case 0x02 -> {
                in.u8();
                in.u8();
                in.u32();
                in.u32();
            }
            case 0x03 -> {
                in.name();
                coreExternType(in);
            }
            default -> throw new MalformedComponentException("unknown module declaration " + ComponentInput.hex(kind));
        }
    }

    private static void coreExternType(ComponentInput in) {
        int kind = in.u8();
        switch (kind) {
            case 0x00 -> in.u32();
            case 0x01 -> {
                in.u8();
                limits(in);
            }
            case 0x02 -> limits(in);
            case 0x03 -> {
                in.u8();
                in.u8();
            }
            default -> throw unsupported("core import or export of kind " + ComponentInput.hex(kind));
        }
    }

    private static void limits(ComponentInput in) {
        int flags = in.u8();
        in.u32();
        if ((flags & 0x01) != 0) {
            in.u32();
        }
    }

    private static MalformedComponentException unsupported(String what) {
        return new MalformedComponentException("unsupported: " + what);
    }
}
