package io.dscover.collect.pcap.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamReassemblerTest {

    static final class Collected implements StreamSink {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long gaps;

        @Override
        public void data(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public void gap(long len) {
            gaps += len;
        }

        String text() {
            return bytes.toString(StandardCharsets.US_ASCII);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void outOfOrderAndRetransmittedSegmentsComeOutInOrderOnce() {
        BufferBudget budget = new BufferBudget(1 << 20);
        StreamReassembler r = new StreamReassembler(1024, budget);
        Collected out = new Collected();
        r.start(1);
        r.segment(7, ascii("world"), 0, 5, out);
        r.segment(1, ascii("hello "), 0, 6, out);
        r.segment(1, ascii("hello "), 0, 6, out);
        r.segment(4, ascii("lo wor"), 0, 6, out);
        assertThat(out.text()).isEqualTo("hello world");
        assertThat(budget.used()).isZero();
    }

    @Test
    void aHoleLargerThanTheCapBecomesAGapAndDeliveryGoesOn() {
        BufferBudget budget = new BufferBudget(1 << 20);
        StreamReassembler r = new StreamReassembler(8, budget);
        Collected out = new Collected();
        r.start(1);
        r.segment(1, ascii("ab"), 0, 2, out);
        r.segment(11, ascii("klmno"), 0, 5, out);
        r.segment(16, ascii("pqrst"), 0, 5, out); // over the cap of 8 buffered bytes
        assertThat(out.text()).isEqualTo("abklmnopqrst");
        assertThat(out.gaps).isEqualTo(8);
        assertThat(r.missedBytes()).isEqualTo(8);
        assertThat(budget.used()).isZero();
    }

    @Test
    void theSharedBudgetBoundsAllStreamsTogether() {
        BufferBudget budget = new BufferBudget(10);
        StreamReassembler a = new StreamReassembler(1024, budget);
        StreamReassembler b = new StreamReassembler(1024, budget);
        Collected outA = new Collected();
        Collected outB = new Collected();
        a.start(1);
        b.start(1);
        a.segment(100, new byte[8], 0, 8, outA);
        assertThat(budget.used()).isEqualTo(8);
        b.segment(100, new byte[8], 0, 8, outB); // no budget left: b gives up its hole at once
        assertThat(outB.gaps).isEqualTo(99);
        assertThat(budget.used()).isEqualTo(8);
        a.flush(outA);
        assertThat(budget.used()).isZero();
    }

    @Test
    void anAcknowledgementPastUnseenBytesDeclaresThemLost() {
        StreamReassembler r = new StreamReassembler(1024, new BufferBudget(1 << 20));
        Collected out = new Collected();
        r.start(1);
        r.segment(1, ascii("abc"), 0, 3, out);
        r.acknowledged(10, out);
        assertThat(out.gaps).isEqualTo(6);
        assertThat(r.next()).isEqualTo(10);
    }
}
