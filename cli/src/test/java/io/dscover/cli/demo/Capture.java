package io.dscover.cli.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Frames of several interleaved scenarios, written in time order. */
final class Capture {

    private record Timed(long micros, long order, byte[] frame) {
    }

    private final List<Timed> frames = new ArrayList<>();
    private long order;

    void add(long micros, byte[] frame) {
        frames.add(new Timed(micros, order++, frame));
    }

    byte[] toPcap() {
        PcapWriter w = new PcapWriter();
        frames.stream().sorted(Comparator.comparingLong(Timed::micros).thenComparingLong(Timed::order))
                .forEach(t -> w.packet(t.micros(), t.frame()));
        return w.bytes();
    }

    /** A TCP connection between a client and a server, keeping sequence numbers and times consistent. */
    final class Tcp {
        private final String client;
        private final int clientPort;
        private final String server;
        private final int serverPort;
        private final long rttMicros;
        private long clientSeq;
        private long serverSeq;
        private long now;

        Tcp(String client, int clientPort, String server, int serverPort, long startMicros, long rttMicros) {
            this.client = client;
            this.clientPort = clientPort;
            this.server = server;
            this.serverPort = serverPort;
            this.rttMicros = rttMicros;
            this.now = startMicros;
            this.clientSeq = (clientPort * 7919L + startMicros) & 0xffffffffL;
            this.serverSeq = (serverPort * 104_729L + startMicros * 3) & 0xffffffffL;
        }

        long now() {
            return now;
        }

        Tcp open() {
            add(now, Frames.tcp(client, clientPort, server, serverPort, clientSeq, 0, Frames.SYN, new byte[0]));
            clientSeq++;
            now += rttMicros / 2;
            add(now, Frames.tcp(server, serverPort, client, clientPort, serverSeq, clientSeq, Frames.SYN | Frames.ACK,
                    new byte[0]));
            serverSeq++;
            now += rttMicros / 2;
            add(now, Frames.tcp(client, clientPort, server, serverPort, clientSeq, serverSeq, Frames.ACK, new byte[0]));
            return this;
        }

        /** SYN answered by RST: a closed port (Zeek REJ). */
        void refused() {
            add(now, Frames.tcp(client, clientPort, server, serverPort, clientSeq, 0, Frames.SYN, new byte[0]));
            now += rttMicros / 2;
            add(now, Frames.tcp(server, serverPort, client, clientPort, 0, clientSeq + 1, Frames.RST | Frames.ACK,
                    new byte[0]));
        }

        /** SYN never answered (Zeek S0). */
        void unanswered() {
            add(now, Frames.tcp(client, clientPort, server, serverPort, clientSeq, 0, Frames.SYN, new byte[0]));
        }

        Tcp clientSends(byte[] data) {
            send(true, data);
            return this;
        }

        Tcp serverSends(byte[] data) {
            send(false, data);
            return this;
        }

        Tcp pause(long micros) {
            now += micros;
            return this;
        }

        private void send(boolean fromClient, byte[] data) {
            for (int off = 0; off < data.length; off += 1460) {
                int len = Math.min(1460, data.length - off);
                byte[] seg = java.util.Arrays.copyOfRange(data, off, off + len);
                if (fromClient) {
                    add(now, Frames.tcp(client, clientPort, server, serverPort, clientSeq, serverSeq,
                            Frames.PSH | Frames.ACK, seg));
                    clientSeq += len;
                } else {
                    add(now, Frames.tcp(server, serverPort, client, clientPort, serverSeq, clientSeq,
                            Frames.PSH | Frames.ACK, seg));
                    serverSeq += len;
                }
                now += 200;
                if ((off / 1460) % 16 == 15 && off + len < data.length) {
                    ackFrom(!fromClient); // keep within the receiver's window, as a real stack would
                }
            }
            now += rttMicros / 2;
            ackFrom(!fromClient);
            now += rttMicros / 2;
        }

        private void ackFrom(boolean client) {
            if (client) {
                add(now, Frames.tcp(this.client, clientPort, server, serverPort, clientSeq, serverSeq, Frames.ACK,
                        new byte[0]));
            } else {
                add(now, Frames.tcp(server, serverPort, this.client, clientPort, serverSeq, clientSeq, Frames.ACK,
                        new byte[0]));
            }
        }

        /** Orderly close, client first (Zeek SF). */
        void close() {
            add(now, Frames.tcp(client, clientPort, server, serverPort, clientSeq, serverSeq, Frames.FIN | Frames.ACK,
                    new byte[0]));
            clientSeq++;
            now += rttMicros / 2;
            add(now, Frames.tcp(server, serverPort, client, clientPort, serverSeq, clientSeq, Frames.FIN | Frames.ACK,
                    new byte[0]));
            serverSeq++;
            now += rttMicros / 2;
            add(now, Frames.tcp(client, clientPort, server, serverPort, clientSeq, serverSeq, Frames.ACK, new byte[0]));
        }

        /** The client aborts with a reset (Zeek RSTO). */
        void reset() {
            add(now, Frames.tcp(client, clientPort, server, serverPort, clientSeq, serverSeq, Frames.RST | Frames.ACK,
                    new byte[0]));
        }
    }
}
