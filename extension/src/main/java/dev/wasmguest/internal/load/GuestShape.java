package dev.wasmguest.internal.load;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * What a guest exports and imports, known as soon as its bytes are, before the costly part of loading: a core
 * module's functions ({@link ModuleInterface}) or a component's world ({@link ComponentWorld}).
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface GuestShape permits ModuleInterface, ComponentWorld {}
