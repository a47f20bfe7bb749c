/** Tests of a WASI guest as a module: open, so that JUnit can call them. */
open module example.guests {
    requires dev.wasmguest;
    requires dev.wasmguest.assertions;
    requires org.junit.jupiter.api;
    requires org.junit.jupiter.params;
}
