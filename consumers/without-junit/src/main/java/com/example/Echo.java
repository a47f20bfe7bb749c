package com.example;

import dev.wasmguest.WasiResult;
import dev.wasmguest.WasiRunner;

/** Runs the echo guest and prints what it wrote; exits with the guest's code. */
public final class Echo {

    public static void main(String[] args) {
        WasiResult result = WasiRunner.fromResource("echo.wasm").withStdin(String.join(" ", args)).run();
        System.out.println("stdout: " + result.stdout());
        System.out.println(result.describeOutcome());
        System.exit(result.exitCode());
    }
}
