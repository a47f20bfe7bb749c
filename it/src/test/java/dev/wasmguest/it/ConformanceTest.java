package dev.wasmguest.it;

import dev.wasmguest.WasiEngine;
import dev.wasmguest.junit.WasiTestSuite;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * WASI preview1 conformance cases in the wasi-testsuite format ({@code guests/conformance}): filesystem, args,
 * env, clocks, random, poll and exit codes, in both engines; and the same cases made into WASI 0.2 components by the
 * preview 1 adapter ({@code guests/conformance-components}), which reach the files through {@code wasi:filesystem}.
 * Known gaps of Endive are listed in {@code guests/conformance.failing}, with the reason, and documented in the
 * README.
 */
class ConformanceTest {

    static final Path SUITE = GuestServerSession.guestsDirectory().resolveSibling("conformance");

    static final Path COMPONENTS = SUITE.resolveSibling("conformance-components");

    private static WasiTestSuite suite() {
        return WasiTestSuite.inDirectory(SUITE).withExpectedFailures(SUITE.resolveSibling("conformance.failing"));
    }

    private static WasiTestSuite components() {
        return WasiTestSuite.inDirectory(COMPONENTS)
                .withExpectedFailures(SUITE.resolveSibling("conformance-components.failing"));
    }

    @TestFactory
    Stream<DynamicNode> compiler() {
        return suite().withEngine(WasiEngine.COMPILER).tests();
    }

    @TestFactory
    Stream<DynamicNode> interpreter() {
        return suite().withEngine(WasiEngine.INTERPRETER).tests();
    }

    @TestFactory
    Stream<DynamicNode> componentsCompiled() {
        return components().withEngine(WasiEngine.COMPILER).tests();
    }

    @TestFactory
    Stream<DynamicNode> componentsInterpreted() {
        return components().withEngine(WasiEngine.INTERPRETER).tests();
    }
}
