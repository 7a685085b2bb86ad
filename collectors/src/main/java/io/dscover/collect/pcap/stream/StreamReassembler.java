package io.dscover.collect.pcap.stream;

import java.util.Arrays;

/**
 * Puts one direction of a TCP stream back in order. Segments that arrive in order are handed to
 * the sink straight from the packet buffer; only segments ahead of a hole are copied, and at most
 * {@code cap} bytes of them: past that the hole is declared lost (a gap) and delivery goes on. Data
 * already delivered (retransmissions, overlaps) is trimmed, first copy wins, as in Zeek.
 */
public final class StreamReassembler {

    private static final int MAX_SEGMENTS = 256;

    private final int cap;
    private final BufferBudget budget;
    private long next = -1;
    // allocated when a segment first arrives ahead of a hole: most streams never need them
    private long[] seqs;
    private byte[][] segs;
    private int count;
    private int buffered;
    private long missed;

    public StreamReassembler(int cap, BufferBudget budget) {
        this.cap = cap;
        this.budget = budget;
    }

    /** Sequence number of the next byte expected (relative), or -1 before the first segment. */
    public long next() {
        return next;
    }

    /** Starts the stream at {@code seq} (when the SYN fixed it) unless data already started it. */
    public void start(long seq) {
        if (next < 0) {
            next = seq;
        }
    }

    public long missedBytes() {
        return missed;
    }

    public int bufferedBytes() {
        return buffered;
    }

    public void segment(long seq, byte[] b, int off, int len, StreamSink sink) {
        if (len <= 0) {
            return;
        }
        if (next < 0) {
            next = seq;
        }
        long end = seq + len;
        if (end <= next) {
            return; // all of it delivered already
        }
        if (seq < next) {
            int trim = (int) (next - seq);
            off += trim;
            len -= trim;
            seq = next;
        }
        if (seq == next) {
            sink.data(b, off, len);
            next = end;
            drain(sink);
            return;
        }
        if (count >= MAX_SEGMENTS || buffered + len > cap || !budget.tryTake(len)) {
            // out of room: what we hold (and this) is all we will get before the hole closes
            skipToFirst(sink);
            if (seq > next) {
                gapTo(seq, sink);
            }
            sink.data(b, off, len);
            next = end;
            drain(sink);
            return;
        }
        insert(seq, Arrays.copyOfRange(b, off, off + len));
    }

    /** Declares everything up to {@code seq} lost when it was acknowledged but never seen. */
    public void acknowledged(long seq, StreamSink sink) {
        if (next < 0 || seq <= next) {
            return;
        }
        if (count > 0 && seqs[0] <= next) {
            drain(sink);
        }
        if (seq > next && (count == 0 || seqs[0] > next)) {
            long until = count == 0 ? seq : Math.min(seq, seqs[0]);
            gapTo(until, sink);
            drain(sink);
        }
    }

    /** End of the stream: deliver what is buffered, skipping holes. */
    public void flush(StreamSink sink) {
        while (count > 0) {
            skipToFirst(sink);
        }
    }

    private void skipToFirst(StreamSink sink) {
        if (count == 0) {
            return;
        }
        if (seqs[0] > next) {
            gapTo(seqs[0], sink);
        }
        drain(sink);
    }

    private void gapTo(long seq, StreamSink sink) {
        long len = seq - next;
        missed += len;
        next = seq;
        sink.gap(len);
    }

    private void drain(StreamSink sink) {
        while (count > 0 && seqs[0] <= next) {
            byte[] s = segs[0];
            long sEnd = seqs[0] + s.length;
            if (sEnd > next) {
                int skip = (int) (next - seqs[0]);
                sink.data(s, skip, s.length - skip);
                next = sEnd;
            }
            removeFirst();
        }
    }

    private void removeFirst() {
        buffered -= segs[0].length;
        budget.give(segs[0].length);
        System.arraycopy(seqs, 1, seqs, 0, count - 1);
        System.arraycopy(segs, 1, segs, 0, count - 1);
        count--;
        segs[count] = null;
    }

    private void insert(long seq, byte[] data) {
        if (seqs == null) {
            seqs = new long[8];
            segs = new byte[8][];
        } else if (count == seqs.length) {
            seqs = Arrays.copyOf(seqs, count * 2);
            segs = Arrays.copyOf(segs, count * 2);
        }
        int i = count;
        while (i > 0 && seqs[i - 1] > seq) {
            i--;
        }
        System.arraycopy(seqs, i, seqs, i + 1, count - i);
        System.arraycopy(segs, i, segs, i + 1, count - i);
        seqs[i] = seq;
        segs[i] = data;
        count++;
        buffered += data.length;
    }
}
