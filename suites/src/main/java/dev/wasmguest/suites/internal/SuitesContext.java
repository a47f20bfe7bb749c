package dev.wasmguest.suites.internal;

import dev.wasmguest.internal.suite.CaseRunner;
import java.util.Optional;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What the execution of the suites shares: the case runner and the report. */
public record SuitesContext(CaseRunner runner, SuiteReport report) implements EngineExecutionContext {

    static SuitesContext of(SuitesConfiguration configuration) {
        return new SuitesContext(
                new CaseRunner(configuration.settings(), Optional.empty(), configuration.timeout()), new SuiteReport());
    }
}
