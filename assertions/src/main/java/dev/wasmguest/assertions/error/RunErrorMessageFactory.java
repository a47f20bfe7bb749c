package dev.wasmguest.assertions.error;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.wasmguest.WasiResult;
import dev.wasmguest.internal.assertions.RunContext;
import java.util.Arrays;
import org.apiguardian.api.API;
import org.assertj.core.error.BasicErrorMessageFactory;

/**
 * An AssertJ error message about one run: the message's own {@code format} with its data as arguments (AssertJ's
 * representation formats them), followed by the context of the run, which every wasmguest failure ends with:
 * module, argv, environment names, how it ended, duration, engine, memory, and stdout and stderr, long output cut
 * around a visible "… N bytes omitted …" marker.
 *
 * <p>Subclass it for messages of your own assertions on runs. Immutable.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class RunErrorMessageFactory extends BasicErrorMessageFactory {

    /** Bytes of output kept from each end when output is quoted in a message's headline. */
    static final int EXCERPT_BYTES = 1024;

    /**
     * A message about {@code run}.
     *
     * @param run the run the message is about
     * @param format the message, with {@code %s} for each argument and {@code %n} for line breaks
     * @param arguments the data the message shows
     */
    protected RunErrorMessageFactory(WasiResult run, String format, Object... arguments) {
        super(format + "%s", with(arguments, unquotedString(RunContext.describe(run))));
    }

    /**
     * Text shown as it is, without the quotes AssertJ puts around strings.
     *
     * @param text the text
     * @return an argument for a message
     */
    protected static CharSequence verbatim(String text) {
        return unquotedString(text);
    }

    /**
     * Output quoted in a message: whole when short, else its head and tail around a "… N bytes omitted …" marker, so
     * that a message stays readable however much the guest wrote.
     *
     * @param output the output, as text
     * @return the excerpt
     */
    protected static String excerpt(String output) {
        return RunContext.excerpt(output, EXCERPT_BYTES);
    }

    /**
     * {@code arguments} followed by {@code last}.
     *
     * @param arguments the first arguments
     * @param last the last one
     * @return a new array
     */
    protected static Object[] with(Object[] arguments, Object last) {
        Object[] all = Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = last;
        return all;
    }
}
