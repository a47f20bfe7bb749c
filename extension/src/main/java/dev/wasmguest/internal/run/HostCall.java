package dev.wasmguest.internal.run;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** A function of the test's, called by the guest through one of its imports: the core's twin of the public one. */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface HostCall {

    /**
     * @param args the guest's arguments: integers as they are, floats as their IEEE 754 bits
     * @return the results, as many as the import's type declares, in the same encoding
     */
    long[] call(long[] args);
}
