package io.dscover.collect.windows.evtx;

/** Lets tests outside this package write the sample EVTX file. */
public final class SampleEvtxAccess {

    private SampleEvtxAccess() {
    }

    public static byte[] mixedFile() {
        return SampleEvtx.mixedFile();
    }
}
