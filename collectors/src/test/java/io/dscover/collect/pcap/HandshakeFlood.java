package io.dscover.collect.pcap;

import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hostile capture made on the fly: {@code n} TCP connections, each completing the handshake and
 * then sending the first 1,400 bytes of a TLS ClientHello that claims 16 KiB, and never more. All
 * of them stay open to the end of the capture, so every TLS dissector holds a partial handshake.
 * Generated as a stream (nothing is kept), so the capture can be far larger than the heap.
 *
 * <p>{@code main} runs the pcap collector over it in this JVM and prints one line per ledger
 * count; {@link DissectorBudgetTest} starts it in a JVM with a small heap.
 */
final class HandshakeFlood extends InputStream {

    static final int PAYLOAD = 1400;
    private static final byte[] SERVER = Captures.ip4("192.0.2.1");

    private final int connections;
    private final ByteBuffer packet = ByteBuffer.allocate(16 + 14 + 20 + 20 + PAYLOAD).order(ByteOrder.LITTLE_ENDIAN);
    private int conn;
    private int step;
    private boolean headerDone;
    private final byte[] header;

    HandshakeFlood(int connections) {
        this.connections = connections;
        this.header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).putShort((short) 2)
                .putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1).array();
        packet.limit(0);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (!headerDone) {
            headerDone = true;
            int n = Math.min(len, header.length);
            System.arraycopy(header, 0, b, off, n);
            if (n < header.length) {
                throw new IllegalStateException("read the header in one call");
            }
            return n;
        }
        if (!packet.hasRemaining() && !next()) {
            return -1;
        }
        int n = Math.min(len, packet.remaining());
        packet.get(b, off, n);
        return n;
    }

    /** Builds the next packet record; false at the end. */
    private boolean next() {
        if (conn >= connections) {
            return false;
        }
        byte[] client = {10, (byte) (conn >> 16), (byte) (conn >> 8), (byte) conn};
        int port = 1024 + (conn % 60000);
        byte[] tcp;
        boolean fromClient = step != 1;
        if (step == 0) {
            tcp = Captures.tcp(port, 443, 1000, 0, 0x02, new byte[0]);
        } else if (step == 1) {
            tcp = Captures.tcp(443, port, 5000, 1001, 0x12, new byte[0]);
        } else {
            tcp = Captures.tcp(port, 443, 1001, 5001, 0x18, clientHelloStart());
        }
        byte[] ip = fromClient ? Captures.ipv4(client, SERVER, 6, tcp) : Captures.ipv4(SERVER, client, 6, tcp);
        byte[] frame = Captures.ethernet(ip);
        long micros = 1_700_000_000_000_000L + conn * 10L + step;
        packet.clear();
        packet.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frame.length)
                .putInt(frame.length).put(frame);
        packet.flip();
        if (++step == 3) {
            step = 0;
            conn++;
        }
        return true;
    }

    private static byte[] clientHelloStart() {
        byte[] p = new byte[PAYLOAD];
        // record: handshake, TLS 1.0 framing, 16,384 bytes; message: ClientHello of 16,380 bytes
        p[0] = 22;
        p[1] = 3;
        p[2] = 1;
        p[3] = 0x40;
        p[4] = 0;
        p[5] = 1;
        p[6] = 0;
        p[7] = 0x3f;
        p[8] = (byte) 0xfc;
        p[9] = 3;
        p[10] = 3;
        return p;
    }

    /** Runs the collector over {@code args[0]} connections (further args: collector options {@code key=value}); prints the ledger and the peak heap in use. */
    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        CollectorOptions options = CollectorOptions.empty();
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            options = options.with(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        InputLedger ledger = new InputLedger("flood");
        long[] events = new long[1];
        try (EventSource s = new PcapCollector().open(Input.ofStream("flood.pcap", () -> new HandshakeFlood(n)),
                new CollectorContext(options, ledger, List.of()))) {
            long live = -1;
            while (s.read(e -> events[0]++)) {
                if (live < 0 && ledger.recordsRead() == 3L * n) {
                    // every connection is open now: what the heap holds is what the capture costs
                    System.gc();
                    live = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
                }
            }
            System.out.println("live-heap-at-end\t" + live);
        }
        Map<String, Long> counts = new TreeMap<>(ledger.skippedByReason());
        counts.putAll(ledger.rejectedByReason());
        System.out.println("packets\t" + ledger.recordsRead());
        System.out.println("events\t" + events[0]);
        counts.forEach((k, v) -> System.out.println("ledger\t" + k + "\t" + v));
        long peak = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("peak-heap\t" + peak);
    }
}
