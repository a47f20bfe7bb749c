package dev.wasmguest.it;

import static dev.wasmguest.testsupport.CoverageGuest.SOURCE;
import static dev.wasmguest.testsupport.CoverageGuest.lcovRecord;
import static dev.wasmguest.testsupport.CoverageGuest.lineOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Guest coverage as a build sees it: Surefire forks (JVMs of their own) running guests/src/coverage.c at the same
 * time merge into one lcov.info without losing a count, and genhtml renders it (with -Dwasmguest.it.genhtml, as
 * {@code .ci/coverage.sh} runs it, where Debian's lcov is installed).
 */
class CoverageTest {

    private static final int RUNS = 3;

    @TempDir
    Path coverage;

    @Test
    void twoJvmsMergeIntoOneFile() throws Exception {
        mergeFromTwoJvms();

        List<String> lcov = Files.readAllLines(coverage.resolve("lcov.info"));
        assertThat(lcovRecord(lcov, SOURCE))
                .contains(
                        "FNDA:" + 2 * RUNS + ",main",
                        "FNDA:" + RUNS + ",sum_to",
                        "FNDA:0,never_called",
                        "DA:" + lineOf("total += i;") + "," + 10 * RUNS,
                        "DA:" + lineOf("printf(\"no sum\\n\");") + "," + RUNS,
                        "DA:" + lineOf("printf(\"%ld\\n\", sum_to(10));") + "," + RUNS,
                        "DA:" + lineOf("return x * 3 + 1;") + ",0");
        Document cobertura = xml(coverage.resolve("cobertura.xml"));
        Element source = classOf(cobertura, SOURCE);
        assertThat(lineHits(source, lineOf("total += i;"))).isEqualTo(String.valueOf(10 * RUNS));
        assertThat(lineHits(source, lineOf("return x * 3 + 1;"))).isEqualTo("0");
        assertThat(cobertura.getDocumentElement().getAttribute("lines-valid")).isNotEqualTo("0");
        try (var files = Files.list(coverage)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("lcov.info", "cobertura.xml", ".lock");
        }
    }

    @Test
    void theCommandLineCoversItsRun() throws Exception {
        Path module = GuestServerSession.guestsDirectory()
                .resolve("coverage-debug.wasm")
                .toAbsolutePath();
        Process cli = AnotherJvm.running(
                        dev.wasmguest.internal.cli.Main.class,
                        "wasmguest.coverage.dir=" + coverage,
                        "--",
                        module.toString(),
                        "other")
                .start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(output).isZero();

        // Written by the time the JVM exited, though it exits as soon as its run ends.
        assertThat(lcovRecord(Files.readAllLines(coverage.resolve("lcov.info")), SOURCE))
                .contains("FNDA:1,main", "FNDA:0,sum_to", "DA:" + lineOf("printf(\"no sum\\n\");") + ",1");
    }

    @Test
    void genhtmlRendersTheFile() throws Exception {
        assumeTrue(Boolean.getBoolean("wasmguest.it.genhtml"), "-Dwasmguest.it.genhtml: lcov is installed");
        mergeFromTwoJvms();
        Path html = coverage.resolve("html");

        // From the project's root, where the line table's relative paths lead; libc's sources are not there.
        Process genhtml = new ProcessBuilder(
                        "genhtml",
                        "--ignore-errors",
                        "source",
                        "-o",
                        html.toString(),
                        coverage.resolve("lcov.info").toString())
                .directory(Path.of("..").toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(genhtml.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(genhtml.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(genhtml.exitValue()).as(output).isZero();
        assertThat(output).contains("Overall coverage rate:");
        try (var files = Files.walk(html)) {
            Path page = files.filter(path -> path.endsWith(Path.of("src", "coverage.c.gcov.html")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no page for " + SOURCE + " in:\n" + output));
            String text = Files.readString(page);
            assertThat(text).contains("lineCov").contains("lineNoCov").contains("never_called");
        }
    }

    /** Two JVMs at once, {@value #RUNS} runs each: one takes the sum branch, the other not. */
    private void mergeFromTwoJvms() throws IOException, InterruptedException {
        Path module = GuestServerSession.guestsDirectory()
                .resolve("coverage-debug.wasm")
                .toAbsolutePath();
        List<Process> jvms = new ArrayList<>();
        for (String argument : List.of("sum", "other")) {
            jvms.add(AnotherJvm.running(
                            CoverInAnotherJvm.class,
                            "wasmguest.coverage.dir=" + coverage,
                            module.toString(),
                            String.valueOf(RUNS),
                            argument)
                    .start());
        }
        for (Process jvm : jvms) {
            String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(jvm.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(jvm.exitValue()).as(output).isZero();
            assertThat(output).contains("exited with code 0");
        }
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** The {@code <class>} element of a source file. */
    private static Element classOf(Document cobertura, String file) {
        NodeList classes = cobertura.getElementsByTagName("class");
        for (int i = 0; i < classes.getLength(); i++) {
            Element type = (Element) classes.item(i);
            if (type.getAttribute("filename").equals(file)) {
                return type;
            }
        }
        throw new AssertionError("no class of " + file + " in cobertura.xml");
    }

    /** The hits of a line of a class's own {@code <lines>} (not its methods'). */
    private static String lineHits(Element type, int number) {
        NodeList lines = type.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if (line.getAttribute("number").equals(String.valueOf(number)) && line.hasAttribute("branch")) {
                return line.getAttribute("hits");
            }
        }
        throw new AssertionError("no line " + number + " in the class of " + type.getAttribute("filename"));
    }
}
