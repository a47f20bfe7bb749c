package dev.wasmguest.internal.suite;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasmGuestSetting;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A selection of cases by name: comma-separated globs ({@code fd_*,path_open}); none selects every case.
 *
 * @param text the globs as written, for messages
 */
@API(status = INTERNAL, since = "0.1")
public record CaseGlobs(String text, List<PathMatcher> globs) {

    public static final CaseGlobs ALL = new CaseGlobs("", List.of());

    public CaseGlobs {
        globs = List.copyOf(globs);
    }

    public static CaseGlobs parse(Optional<String> text) {
        if (text.isEmpty()) {
            return ALL;
        }
        List<PathMatcher> globs = Stream.of(text.get().split(","))
                .map(String::strip)
                .filter(glob -> !glob.isEmpty())
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .collect(Collectors.toList());
        return new CaseGlobs(text.get(), globs);
    }

    public boolean selectsAll() {
        return globs.isEmpty();
    }

    public boolean matches(String caseName) {
        return selectsAll() || globs.stream().anyMatch(glob -> glob.matches(Path.of(caseName)));
    }

    /** Why a run of {@code suites} has nothing to do: these globs select none of their cases, listed by suite. */
    public String selectsNoneOf(List<SuiteDirectory> suites) {
        String cases = suites.stream()
                .map(suite -> "  " + suite.name() + ": " + String.join(", ", suite.caseNames()))
                .collect(Collectors.joining("\n"));
        return WasmGuestSetting.SUITES_CASES.key() + "=" + text + " selects no case. The cases there are:\n" + cases;
    }
}
