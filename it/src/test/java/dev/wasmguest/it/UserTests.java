package dev.wasmguest.it;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs a user's test class through the JUnit Platform, with configuration as a user's build would give it. */
final class UserTests {

    private UserTests() {}

    static Events run(Class<?> testClass, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(testClass))
                .configurationParameters(configuration)
                .execute()
                .testEvents();
    }

    /** The message of the one test that failed. */
    static String failureMessage(Events tests) {
        return failure(tests).getMessage();
    }

    /** What the one test that failed threw. */
    static Throwable failure(Events tests) {
        tests.assertStatistics(stats -> stats.started(1).failed(1));
        return throwable(tests.failed().list().get(0));
    }

    /** What a failed or aborted test threw. */
    static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
    }

    /** The reason the one test was skipped. */
    static String skipReason(Events tests) {
        tests.assertStatistics(stats -> stats.skipped(1).started(0));
        return tests.skipped().list().get(0).getPayload(String.class).orElseThrow();
    }
}
