package dev.wasmguest.it;

import dev.wasmguest.junit.WasmGuest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A team's own shorthand for the seed guest: {@code @WasmGuest} as a meta-annotation. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER})
@WasmGuest(url = "${guest.base}/seed.wasm", args = "meta")
@interface SeedGuest {}
