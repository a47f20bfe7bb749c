package dev.wasmguest.internal.coverage;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merged coverage as Cobertura XML, for CI servers that read that format: a package per source directory, a class per
 * source file, a method per function (at its first line, with its calls), and each line's hits. Branches are not
 * counted (rate 0 of 0).
 */
final class CoberturaReport {

    private CoberturaReport() {}

    static String xml(LcovData data, long timestampMillis) {
        Map<String, Map<String, LcovData.SourceFile>> packages = new TreeMap<>();
        data.files()
                .forEach((name, file) -> packages.computeIfAbsent(directory(name), unused -> new TreeMap<>())
                        .put(name, file));
        long valid = data.files().values().stream()
                .mapToLong(file -> file.lines.size())
                .sum();
        long covered = data.files().values().stream()
                .mapToLong(LcovData.SourceFile::linesHit)
                .sum();
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!DOCTYPE coverage SYSTEM \"http://cobertura.sourceforge.net/xml/coverage-04.dtd\">\n")
                .append("<coverage line-rate=\"")
                .append(rate(covered, valid))
                .append("\" branch-rate=\"0\" lines-covered=\"")
                .append(covered)
                .append("\" lines-valid=\"")
                .append(valid)
                .append("\" branches-covered=\"0\" branches-valid=\"0\" complexity=\"0\" version=\"wasmguest\"")
                .append(" timestamp=\"")
                .append(timestampMillis)
                .append("\">\n")
                .append("  <sources>\n    <source>.</source>\n  </sources>\n  <packages>\n");
        packages.forEach((directory, files) -> {
            long packageValid =
                    files.values().stream().mapToLong(file -> file.lines.size()).sum();
            long packageCovered = files.values().stream()
                    .mapToLong(LcovData.SourceFile::linesHit)
                    .sum();
            out.append("    <package name=\"")
                    .append(escape(directory))
                    .append("\" line-rate=\"")
                    .append(rate(packageCovered, packageValid))
                    .append("\" branch-rate=\"0\" complexity=\"0\">\n")
                    .append("      <classes>\n");
            files.forEach((name, file) -> appendClass(out, name, file));
            out.append("      </classes>\n    </package>\n");
        });
        out.append("  </packages>\n</coverage>\n");
        return out.toString();
    }

    private static void appendClass(StringBuilder out, String name, LcovData.SourceFile file) {
        out.append("        <class name=\"")
                .append(escape(name))
                .append("\" filename=\"")
                .append(escape(name))
                .append("\" line-rate=\"")
                .append(rate(file.linesHit(), file.lines.size()))
                .append("\" branch-rate=\"0\" complexity=\"0\">\n          <methods>\n");
        file.functionCalls.forEach((function, calls) -> {
            int line = file.functionLines.getOrDefault(function, 0);
            out.append("            <method name=\"")
                    .append(escape(function))
                    .append("\" signature=\"\" line-rate=\"")
                    .append(calls > 0 ? "1" : "0")
                    .append("\" branch-rate=\"0\" complexity=\"0\">\n");
            if (line > 0) {
                out.append("              <lines>\n                <line number=\"")
                        .append(line)
                        .append("\" hits=\"")
                        .append(calls)
                        .append("\"/>\n              </lines>\n");
            } else {
                out.append("              <lines/>\n");
            }
            out.append("            </method>\n");
        });
        out.append("          </methods>\n          <lines>\n");
        file.lines.forEach((line, hits) -> out.append("            <line number=\"")
                .append(line)
                .append("\" hits=\"")
                .append(hits)
                .append("\" branch=\"false\"/>\n"));
        out.append("          </lines>\n        </class>\n");
    }

    private static String directory(String file) {
        int slash = file.lastIndexOf('/');
        return slash <= 0 ? "." : file.substring(0, slash);
    }

    private static String rate(long covered, long valid) {
        return valid == 0 ? "1" : String.format(Locale.ROOT, "%.4f", (double) covered / valid);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
