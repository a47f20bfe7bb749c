package dev.wasmguest.internal.coverage;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.wasmguest.WasiCoverage;
import org.apiguardian.api.API;

/**
 * Turns the counters of a run of an instrumented module into its coverage, and adds that to the coverage files.
 *
 * @param map what the module's counters stand for
 * @param files where every run's coverage is merged
 */
@API(status = INTERNAL, since = "0.1")
public record CoverageRecorder(CoverageMap map, CoverageFiles files) {

    /**
     * The run's coverage, now also merged into the files (a failure to write them is logged, never the run's).
     *
     * @param counts the counters' values at the end of the run, by counter
     */
    public WasiCoverage record(long[] counts) {
        WasiCoverage coverage = map.coverage(counts);
        files.add(map.module(), coverage);
        return coverage;
    }
}
