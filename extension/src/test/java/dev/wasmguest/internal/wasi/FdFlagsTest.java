package dev.wasmguest.internal.wasi;

import static dev.wasmguest.internal.wasi.WasiFunctionsFixture.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import run.endive.runtime.HostFunction;
import run.endive.runtime.Instance;

/**
 * Files opened with APPEND reach Endive without the flag (which it mishandles) and get append mode from us: each
 * write first seeks to the end, and fdstat reports the flag. fd_fdstat_set_flags changes APPEND and NONBLOCK here.
 */
class FdFlagsTest {

    private static final int APPEND = 1;
    private static final int NONBLOCK = 4;
    private static final int WHENCE_END = 2;
    private static final int FD_OUT = 100;
    private static final int NWRITTEN = 200;
    private static final int FDSTAT = 300;
    private static final int OPENED_FD = 5;

    private final WasiFunctionsFixture wasi = new WasiFunctionsFixture();
    private final Map<String, BiFunction<Instance, long[], long[]>> answers = Map.of("path_open", (instance, args) -> {
        instance.memory().writeI32((int) args[8], OPENED_FD);
        return new long[] {0};
    });
    private final HostFunction[] functions = new FdFlags()
            .apply(wasi.functions(
                    List.of(
                            "path_open",
                            "fd_write",
                            "fd_seek",
                            "fd_fdstat_get",
                            "fd_fdstat_set_flags",
                            "fd_close",
                            "fd_renumber"),
                    answers));

    @Test
    void anAppendingFileIsOpenedWithoutTheFlagAndEveryWriteSeeksToTheEnd() {
        open(APPEND | 4);
        wasi.instance.memory().writeLong(NWRITTEN, 0x1122334455667788L);
        wasi.calls.clear();

        call(functions, "fd_write", wasi.instance, OPENED_FD, 0, 1, NWRITTEN);

        assertThat(wasi.calls)
                .containsExactly(
                        "fd_seek[5, 0, " + WHENCE_END + ", " + NWRITTEN + "]", "fd_write[5, 0, 1, " + NWRITTEN + "]");
        assertThat(wasi.instance.memory().readLong(NWRITTEN))
                .as("the borrowed bytes are put back")
                .isEqualTo(0x1122334455667788L);
    }

    @Test
    void theOpenReachesEndiveWithoutTheAppendFlag() {
        open(APPEND | 4);

        assertThat(wasi.calls).containsExactly("path_open[3, 0, 0, 0, 0, 0, 0, 4, " + FD_OUT + "]");
    }

    @Test
    void fdstatReportsTheFlag() {
        open(APPEND);
        int dsyncByEndive = 2;
        wasi.instance.memory().writeShort(FDSTAT + 2, (short) dsyncByEndive);

        call(functions, "fd_fdstat_get", wasi.instance, OPENED_FD, FDSTAT);

        assertThat(wasi.instance.memory().readShort(FDSTAT + 2)).isEqualTo((short) (dsyncByEndive | APPEND));
    }

    @Test
    void setFlagsTurnsAppendModeOnAndOffAndFdstatReportsIt() {
        open(0);
        call(functions, "fd_fdstat_set_flags", wasi.instance, OPENED_FD, APPEND | NONBLOCK);
        wasi.instance.memory().writeShort(FDSTAT + 2, (short) 0);
        call(functions, "fd_fdstat_get", wasi.instance, OPENED_FD, FDSTAT);
        assertThat(wasi.instance.memory().readShort(FDSTAT + 2)).isEqualTo((short) (APPEND | NONBLOCK));
        wasi.calls.clear();
        call(functions, "fd_write", wasi.instance, OPENED_FD, 0, 1, NWRITTEN);
        assertThat(wasi.calls.get(0)).startsWith("fd_seek[5, 0, " + WHENCE_END);

        call(functions, "fd_fdstat_set_flags", wasi.instance, OPENED_FD, 0);
        wasi.calls.clear();
        call(functions, "fd_write", wasi.instance, OPENED_FD, 0, 1, NWRITTEN);
        assertThat(wasi.calls).containsExactly("fd_write[5, 0, 1, " + NWRITTEN + "]");
        assertThat(wasi.calls).noneMatch(call -> call.startsWith("fd_fdstat_set_flags"));
    }

    @Test
    void synchronousFlagsCannotBeSetAfterOpening() {
        open(0);

        long[] result = call(functions, "fd_fdstat_set_flags", wasi.instance, OPENED_FD, 2);

        assertThat(result).containsExactly(28);
    }

    @Test
    void setFlagsOfDescriptorsNotOpenedHereIsEndives() {
        call(functions, "fd_fdstat_set_flags", wasi.instance, 1, APPEND);

        assertThat(wasi.calls).containsExactly("fd_fdstat_set_flags[1, 1]");
    }

    @Test
    void otherFilesAreEndivesAlone() {
        open(0);
        wasi.calls.clear();

        call(functions, "fd_write", wasi.instance, OPENED_FD, 0, 1, NWRITTEN);
        wasi.instance.memory().writeShort(FDSTAT + 2, (short) 0);
        call(functions, "fd_fdstat_get", wasi.instance, OPENED_FD, FDSTAT);

        assertThat(wasi.calls)
                .containsExactly("fd_write[5, 0, 1, " + NWRITTEN + "]", "fd_fdstat_get[5, " + FDSTAT + "]");
        assertThat(wasi.instance.memory().readShort(FDSTAT + 2)).isZero();
    }

    @Test
    void appendModeFollowsRenumberAndEndsWithClose() {
        open(APPEND);
        call(functions, "fd_renumber", wasi.instance, OPENED_FD, 9);
        wasi.calls.clear();

        call(functions, "fd_write", wasi.instance, 9, 0, 1, NWRITTEN);
        call(functions, "fd_write", wasi.instance, OPENED_FD, 0, 1, NWRITTEN);
        assertThat(wasi.calls)
                .containsExactly(
                        "fd_seek[9, 0, 2, " + NWRITTEN + "]",
                        "fd_write[9, 0, 1, " + NWRITTEN + "]",
                        "fd_write[5, 0, 1, " + NWRITTEN + "]");

        call(functions, "fd_close", wasi.instance, 9);
        wasi.calls.clear();
        call(functions, "fd_write", wasi.instance, 9, 0, 1, NWRITTEN);
        assertThat(wasi.calls).containsExactly("fd_write[9, 0, 1, " + NWRITTEN + "]");
    }

    @Test
    void aWriteCountAtTheEndOfMemoryBorrowsTheLastEightBytes() {
        open(APPEND);
        int lastCount = 65536 - 4;
        wasi.calls.clear();

        call(functions, "fd_write", wasi.instance, OPENED_FD, 0, 1, lastCount);

        assertThat(wasi.calls.get(0)).isEqualTo("fd_seek[5, 0, 2, " + (65536 - 8) + "]");
    }

    private void open(int fdFlags) {
        call(functions, "path_open", wasi.instance, 3, 0, 0, 0, 0, 0, 0, fdFlags, FD_OUT);
    }
}
