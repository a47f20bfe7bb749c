package dev.wasmguest.suites.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.internal.suite.CaseRunner;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What the execution of the suites shares: the case runner and the report. */
@API(status = INTERNAL, since = "0.1")
public record SuitesContext(CaseRunner runner, SuiteReport report) implements EngineExecutionContext {

    static SuitesContext of(SuitesConfiguration configuration) {
        return new SuitesContext(
                new CaseRunner(
                        configuration.settings(),
                        Optional.empty(),
                        configuration.suite().timeout()),
                new SuiteReport(configuration.shard()));
    }
}
