package io.dscover.collect.pcap.flow;

/**
 * One side of a TCP connection as Zeek's TCP_Endpoint tracks it: state, sequence space (with
 * wrap counts), FIN/RST counts and the per-letter history bookkeeping.
 */
final class TcpEndpoint {

    static final int INACTIVE = 0;
    static final int SYN_SENT = 1;
    static final int SYN_ACK_SENT = 2;
    static final int PARTIAL = 3;
    static final int ESTABLISHED = 4;
    static final int CLOSED = 5;
    static final int RESET = 6;

    boolean isOrig;
    TcpEndpoint peer;
    int state = INACTIVE;
    int prevState = INACTIVE;
    long startSeq;
    long lastSeq;
    long ackSeq;
    int seqWraps;
    int ackWraps;
    int finCount;
    int rstCount;
    boolean didClose;
    long histLastSyn;
    long histLastFin;
    long histLastRst;
    int rxmitCount;
    int rxmitThreshold = 1;
    int win0Count;
    int win0Threshold = 1;
    int gapCount;
    int gapThreshold = 1;
    int checksumCount;
    int checksumThreshold = 1;
    boolean sawSyn;

    TcpEndpoint(boolean isOrig) {
        this.isOrig = isOrig;
    }

    void setState(int s) {
        if (s != state) {
            prevState = state;
            state = s;
        }
    }

    static int seqDelta(long a, long b) {
        return (int) (a - b);
    }

    void updateLastSeq(long seq) {
        if (seq < lastSeq) {
            seqWraps++;
        }
        lastSeq = seq;
    }

    void updateAckSeq(long seq) {
        if (seq < ackSeq) {
            ackWraps++;
        }
        ackSeq = seq;
    }

    long fullSeq(long seq, int wraps) {
        return ((long) wraps << 32) | seq;
    }

    long relative(long seq, int wraps) {
        return fullSeq(seq, wraps) - startSeq;
    }

    boolean noDataAcked() {
        long ack = fullSeq(ackSeq, ackWraps);
        return ack == startSeq || ack == startSeq + 1;
    }

    /** Payload bytes sent, from the sequence space (Zeek's TCP_Endpoint::Size). */
    long size() {
        if (prevState == SYN_SENT && state == RESET && peer.state == INACTIVE && !noDataAcked()) {
            return 0;
        }
        long last = fullSeq(lastSeq, seqWraps);
        long ack = fullSeq(ackSeq, ackWraps);
        long size = (last > ack ? last : ack) - startSeq;
        if (size != 0) {
            size--;
        }
        if (finCount > 0 && size != 0) {
            size--;
        }
        return size;
    }

    boolean isActive() {
        return state != INACTIVE && !didClose;
    }
}
