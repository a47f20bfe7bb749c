package dev.wasmguest.suites;

import static dev.wasmguest.suites.WasiSuitesEngineTest.GUESTS;
import static dev.wasmguest.suites.WasiSuitesEngineTest.OWN;
import static dev.wasmguest.suites.WasiSuitesEngineTest.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.wasmguest.internal.suite.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Expectation files, both spec formats and their strictness, the JSON report and parallel runs. */
class SuiteRulesTest {

    @TempDir
    Path work;

    @Test
    void tomlExpectationsSkipExpectFailuresAndCatchUnexpectedPasses() throws IOException {
        Path toml = Files.writeString(
                work.resolve("expectations.toml"),
                String.join(
                        "\n",
                        "version = 1",
                        "[[suite]]",
                        "name = \"wasmguest own suite\"",
                        "[[suite.test]]",
                        "name = \"known_failure\"",
                        "expected = \"fail\"",
                        "[[suite.test]]",
                        "name = \"skipped_case\"",
                        "action = \"skip\"",
                        "reason = \"not today\"",
                        "[[suite.test]]",
                        "name = \"args\"",
                        "expected = \"fail\""));

        EngineExecutionResults results = engine().configurationParameter(Constants.EXPECTATIONS, toml.toString())
                .configurationParameter(Constants.CASES, "known_failure,skipped_case,args")
                .selectors(selectDirectory(OWN.toFile()))
                .execute();

        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("wasmguest own suite › known_failure"),
                                abortedWithReason(message("expected failure (listed in line 5 of " + toml
                                        + "): expected exit code 0 but it exited with code 1"))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("wasmguest own suite › skipped_case"),
                                skippedWithReason("skipped: listed in line 8 of " + toml + ": not today")))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("wasmguest own suite › args"),
                                finishedWithFailure(message("case args now passes: delete its expected failure, the"
                                        + " [[suite.test]] with name = \"args\", at line 12 of " + toml))));
    }

    @Test
    void plainListsStillWork() throws IOException {
        Path failing = Files.writeString(work.resolve("own.failing"), "# known\nknown_failure\n");
        Path skip = Files.writeString(work.resolve("own.skip"), "skipped_case\n");

        EngineExecutionResults results = engine().configurationParameter(Constants.EXPECTATIONS, failing.toString())
                .configurationParameter(Constants.SKIP, skip.toString())
                .configurationParameter(Constants.CASES, "known_failure,skipped_case")
                .selectors(selectDirectory(OWN.toFile()))
                .execute();

        results.testEvents()
                .assertStatistics(stats -> stats.skipped(1).aborted(1).failed(0));
    }

    @Test
    void aMalformedTomlFileFailsNamingItsLineAndKey() throws IOException {
        Path toml = Files.writeString(
                work.resolve("bad.toml"),
                "version = 1\n[[suite]]\nname = \"s\"\n[[suite.test]]\nname = \"a\"\nskip = true\n");

        // The JUnit Platform reports it as the engine's failure; the test kit throws it.
        assertThatThrownBy(() -> engine().configurationParameter(Constants.EXPECTATIONS, toml.toString())
                        .selectors(selectDirectory(OWN.toFile()))
                        .execute())
                .hasMessage("TestEngine with ID 'wasmguest-suites' failed to discover tests")
                .hasRootCauseMessage(
                        toml + " line 6: unknown key \"suite.test.skip\"; known: action, expected, name, reason");
    }

    @Test
    void operationSpecsRunAndUnknownKeysOrOperationsFailNamingThem() throws IOException {
        Path suite = suite(Map.of(
                "ops", "{\"operations\": [{\"type\": \"run\", \"args\": [\"a\"]}, {\"type\": \"wait\"}]}",
                "legacy_unknown", "{\"args\": [], \"timeout\": 5}",
                "op_unknown", "{\"operations\": [{\"type\": \"run\"}, {\"type\": \"wait\", \"signal\": 9}]}",
                "socket", "{\"operations\": [{\"type\": \"run\"}, {\"type\": \"connect\"}]}",
                "mixed", "{\"operations\": [{\"type\": \"run\"}], \"args\": [\"a\"]}",
                "http", "{\"operations\": [{\"type\": \"run\"}, {\"type\": \"wait\"}], \"proposals\": [\"http\"]}",
                "service", "{\"operations\": [{\"type\": \"run\"}], \"world\": \"wasi:http/service\"}"));

        EngineExecutionResults results =
                engine().selectors(selectDirectory(suite.toFile())).execute();

        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("cases › ops"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("cases › legacy_unknown"),
                                finishedWithFailure(message(text -> text.endsWith(
                                        "unknown key \"timeout\"; known: args, dirs, env, exit_code, root,"
                                                + " stderr, stdout, wasi_functions")))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("cases › op_unknown"),
                                finishedWithFailure(message(text -> text.endsWith(
                                        "unknown key \"operations[1].signal\"; known: exit_code, type")))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("cases › socket"),
                                finishedWithFailure(message(text -> text.contains(
                                        "operations[1]: operation \"connect\" talks to a server or socket")))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("cases › mixed"),
                                finishedWithFailure(message(text -> text.contains(
                                        "key \"args\" of the legacy format cannot be mixed with \"operations\"")))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("cases › http"),
                                abortedWithReason(message(
                                        "skipped: case http needs the WASI proposal http, which wasmguest does not support"
                                                + " (it runs WASI preview 1 commands)"))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("cases › service"),
                                abortedWithReason(
                                        message(text -> text.contains("targets the world wasi:http/service")))));
    }

    @Test
    void theJsonReportHasTheUpstreamSchemasFields() throws IOException {
        Path report = work.resolve("reports/wasi.json");

        engine().configurationParameter(Constants.REPORT, report.toString())
                .configurationParameter(
                        Constants.EXPECTATIONS, GUESTS.resolve("suite.toml").toString())
                .configurationParameter(Constants.TIMEOUT, "PT1S")
                .selectors(
                        selectDirectory(OWN.toFile()),
                        selectDirectory(GUESTS.resolve("ops-suite").toFile()))
                .execute();

        Map<String, Object> json = object(Json.parse(Files.readString(report)));
        assertThat(object(json.get("execution"))).containsOnlyKeys("start_timestamp", "finish_timestamp");
        assertThat(object(json.get("runtime")))
                .containsEntry("name", "wasmguest")
                .containsKey("version");
        List<Object> results = list(json.get("results"));
        assertThat(results).hasSize(2);
        Map<String, Object> own = results.stream()
                .map(SuiteRulesTest::object)
                .filter(suite -> suite.get("name").equals("wasmguest own suite"))
                .findFirst()
                .orElseThrow();
        assertThat(own)
                .containsKeys("duration_s", "tests")
                .containsEntry("passed", 9L)
                .containsEntry("failed", 0L)
                .containsEntry("skipped", 4L);
        for (Object test : list(own.get("tests"))) {
            assertThat(object(test)).containsKeys("name", "executed", "duration_s", "wasi_functions", "failures");
        }
        Map<String, Object> wrong = list(own.get("tests")).stream()
                .map(SuiteRulesTest::object)
                .filter(test -> test.get("name").equals("wrong_stdout"))
                .findFirst()
                .orElseThrow();
        assertThat(wrong).containsEntry("executed", true).containsEntry("outcome", "expected_failure");
        assertThat(list(wrong.get("failures")))
                .singleElement()
                .asString()
                .startsWith("stdout was expected to start with:")
                .contains("\nReproduce it outside JUnit: ")
                .endsWith("wrong_stdout.wasm x < /dev/null");
    }

    @Test
    void casesRunInParallelWhenJUnitsParallelExecutionIsOn() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectDirectory(OWN.toFile()))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines(WasiSuitesEngine.ID))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "strategy", "fixed")
                .configurationParameter(Constants.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "4")
                .configurationParameter(
                        Constants.EXPECTATIONS, GUESTS.resolve("suite.toml").toString())
                .configurationParameter(Constants.TIMEOUT, "PT1S")
                .build();

        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier identifier) {
                if (identifier.isTest()) {
                    threads.add(Thread.currentThread().getName());
                }
            }
        });

        assertThat(threads).hasSizeGreaterThan(1).allMatch(name -> name.contains("ForkJoinPool"));
    }

    private Path suite(Map<String, String> specs) throws IOException {
        Path suite = Files.createDirectory(work.resolve("cases"));
        for (Map.Entry<String, String> spec : specs.entrySet()) {
            Files.copy(OWN.resolve("args.wasm"), suite.resolve(spec.getKey() + ".wasm"));
            Files.writeString(suite.resolve(spec.getKey() + ".json"), spec.getValue());
        }
        return suite;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        assertThat(json).isInstanceOf(Map.class);
        return (Map<String, Object>) json;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object json) {
        assertThat(json).isInstanceOf(List.class);
        return (List<Object>) json;
    }
}
