package dev.wasmguest.internal.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Readable names for the mangled ones compilers put in a module's name section, where that is cheap: Rust's legacy
 * scheme ({@code _ZN4core9panicking5panic17h0123456789abcdefE} is {@code core::panicking::panic}) and C++ names
 * made of plain identifiers ({@code _ZN3app6Parser5parseEv} is {@code app::Parser::parse}, parameters left out).
 * Anything else (templates, substitutions, Rust's v0 scheme) is left as it is: a mangled name is still a name.
 */
final class Demangler {

    private static final Pattern RUST_HASH = Pattern.compile("h[0-9a-f]{16}");
    private static final Map<String, String> RUST_ESCAPES =
            Map.of("SP", "@", "BP", "*", "RF", "&", "LT", "<", "GT", ">", "LP", "(", "RP", ")", "C", ",");

    private Demangler() {}

    /** The readable form of {@code name}; empty when it is not mangled, or mangled beyond what this reads. */
    static Optional<String> demangle(String name) {
        if (name.startsWith("_ZN")) {
            return nested(name, 3);
        }
        if (name.startsWith("_Z") && name.length() > 2 && Character.isDigit(name.charAt(2))) {
            return identifiers(name, 2, false).map(parts -> parts.get(0));
        }
        return Optional.empty();
    }

    private static Optional<String> nested(String name, int start) {
        int position = start;
        while (position < name.length() && "KVr".indexOf(name.charAt(position)) >= 0) {
            position++; // const, volatile, restrict: qualifiers of a method
        }
        return identifiers(name, position, true).map(parts -> {
            List<String> shown = new ArrayList<>(parts);
            if (shown.size() > 1
                    && RUST_HASH.matcher(shown.get(shown.size() - 1)).matches()) {
                shown.remove(shown.size() - 1);
            }
            shown.replaceAll(Demangler::unescapeRust);
            return String.join("::", shown);
        });
    }

    /** Length-prefixed identifiers from {@code position}: all up to {@code E} when nested, else the first. */
    private static Optional<List<String>> identifiers(String name, int position, boolean nested) {
        List<String> parts = new ArrayList<>();
        int at = position;
        while (at < name.length() && Character.isDigit(name.charAt(at))) {
            int digits = at;
            while (at < name.length() && Character.isDigit(name.charAt(at))) {
                at++;
            }
            int length = Integer.parseInt(name.substring(digits, Math.min(at, digits + 6)));
            if (length == 0 || at + length > name.length()) {
                return Optional.empty();
            }
            parts.add(name.substring(at, at + length));
            at += length;
            if (!nested) {
                return Optional.of(parts);
            }
        }
        boolean closed = at < name.length() && name.charAt(at) == 'E';
        return closed && !parts.isEmpty() ? Optional.of(parts) : Optional.empty();
    }

    /** Rust's legacy escapes: {@code $LT$} for {@code <}, {@code $u20$} for a space, {@code ..} for {@code ::}. */
    private static String unescapeRust(String part) {
        String text = part.startsWith("_$") ? part.substring(1) : part;
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            int close = c == '$' ? text.indexOf('$', at + 1) : -1;
            if (close > at) {
                String escape = text.substring(at + 1, close);
                String replaced = RUST_ESCAPES.get(escape);
                if (replaced == null && escape.startsWith("u")) {
                    replaced = codePoint(escape.substring(1));
                }
                if (replaced != null) {
                    out.append(replaced);
                    at = close + 1;
                    continue;
                }
            }
            if (c == '.' && at + 1 < text.length() && text.charAt(at + 1) == '.') {
                out.append("::");
                at += 2;
                continue;
            }
            out.append(c);
            at++;
        }
        return out.toString();
    }

    private static String codePoint(String hex) {
        try {
            return new String(Character.toChars(Integer.parseInt(hex, 16)));
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }
}
