package dev.wasmguest.internal.assertions;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiResult;
import org.apiguardian.api.API;
import org.assertj.core.description.Description;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

/** An AssertJ error message followed by the {@link RunContext} of the run it is about. */
@API(status = INTERNAL, since = "0.1")
public final class RunErrorMessage implements ErrorMessageFactory {

    private final ErrorMessageFactory message;
    private final WasiResult run;

    public RunErrorMessage(ErrorMessageFactory message, WasiResult run) {
        this.message = message;
        this.run = run;
    }

    @Override
    public String create(Description description, Representation representation) {
        return message.create(description, representation) + RunContext.describe(run);
    }

    @Override
    public String create(Description description) {
        return message.create(description) + RunContext.describe(run);
    }

    @Override
    public String create() {
        return message.create() + RunContext.describe(run);
    }
}
