/**
 * Running a prepared module: a fresh instance and WASI context per run ({@code GuestExecution}), what a run is given
 * and its limits ({@code RunSpec}, {@code RunLimits}, {@code Mount}, {@code GuestFiles}), captured output, the
 * bounded memory, timeouts and their threads ({@code Deadlines}, {@code RunThreads}), and the one result type of a
 * run ({@code Invocation}, what ran, and {@code GuestEnding}, how it ended, become the public {@code WasiResult}). {@code GuestRunner} puts a module and its run settings together: the core of the public
 * {@code WasiRunner}. {@code ReproduceCommand} writes the shell command that runs a spec again outside JUnit.
 *
 * <p>May use: the public model ({@code dev.wasmguest}), {@code load}, {@code coverage}, {@code component}, {@code wasip2}, {@code wasi}, {@code trace}, {@code resolve}, {@code source}, {@code config}, {@code util},
 * Endive. Core layer: framework-free.
 */
package dev.wasmguest.internal.run;
