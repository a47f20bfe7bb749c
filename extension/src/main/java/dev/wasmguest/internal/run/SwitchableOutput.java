package dev.wasmguest.internal.run;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The output stream a reactor's WASI context writes to for its whole life, sent to the capture of the call that runs
 * now: each call's result holds what that call wrote.
 */
final class SwitchableOutput extends OutputStream {

    private volatile OutputStream target = OutputStream.nullOutputStream();

    void switchTo(OutputStream next) {
        target = next;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        target.write(bytes, offset, length);
    }
}
