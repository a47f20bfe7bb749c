package dev.wasmguest.internal.component;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A component's bytes are not a component this parser can read; the message says where and what. */
@API(status = INTERNAL, since = "0.1")
public final class MalformedComponentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedComponentException(String message) {
        super(message);
    }
}
