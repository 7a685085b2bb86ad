package io.dscover.collect.windows.evtx;

/** A structure in an EVTX file is not what the format allows; {@link #offset()} is where (within its chunk). */
final class EvtxFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    EvtxFormatException(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    int offset() {
        return offset;
    }
}
