package io.dscover.collect.pcap.proto;

import io.dscover.model.event.SshEvent;

/**
 * SSH: the version banners (lines before them, which servers may send, are skipped), then each
 * side's KEXINIT, from which the negotiated algorithms and the HASSH fingerprints follow. One
 * {@code ssh} event per connection, when both KEXINITs are in or the connection ends.
 */
final class Ssh extends Analyzer {

    static final int MAX_BANNER = 255;
    static final int MAX_PRE_BANNER_LINES = 512;
    static final int MAX_KEXINIT = 32 * 1024;

    private final Side client = new Side(true);
    private final Side server = new Side(false);
    private SshEvent event;
    private boolean emitted;

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        (fromOrig ? client : server).feed(s, b, off, len);
        if (!emitted && client.kex != null && server.kex != null) {
            negotiate();
            emit(s);
        }
    }

    @Override
    public void end(Session s) {
        if (!emitted && event != null) {
            if (client.kex != null && server.kex != null) {
                negotiate();
            }
            emit(s);
        }
    }

    private void emit(Session s) {
        emitted = true;
        s.emit(event);
        finish();
    }

    private void negotiate() {
        String[][] c = client.kex;
        String[][] sv = server.kex;
        event.setSshKex(first(c[0], sv[0]));
        event.setSshCipher(first(c[2], sv[2]));
        event.setSshMac(first(c[4], sv[4]));
    }

    private static String first(String[] client, String[] server) {
        for (String a : client) {
            for (String b : server) {
                if (a.equals(b)) {
                    return a;
                }
            }
        }
        return null;
    }

    private SshEvent event(Session s) {
        if (event == null) {
            event = new SshEvent();
            s.stampLocation(event);
        }
        return event;
    }

    private final class Side {
        final boolean isClient;
        final LineAssembler lines = new LineAssembler(MAX_BANNER);
        boolean banner;
        int preLines;
        byte[] pkt;
        int pktLen;
        String[][] kex;
        boolean stopped;

        Side(boolean isClient) {
            this.isClient = isClient;
        }

        void feed(Session s, byte[] b, int off, int len) {
            int p = off;
            int end = off + len;
            if (stopped) {
                return;
            }
            if (!banner) {
                p += lines.feed(b, p, end - p, (lb, lo, ll, t) -> line(s, lb, lo, ll));
                if (!banner || failed()) {
                    return;
                }
            }
            if (kex != null || stopped || p >= end) {
                return;
            }
            if (pkt == null) {
                pkt = new byte[2048];
            }
            int n = Math.min(end - p, MAX_KEXINIT - pktLen);
            if (pktLen + n > pkt.length) {
                pkt = java.util.Arrays.copyOf(pkt, Math.min(MAX_KEXINIT, Math.max(pkt.length * 2, pktLen + n)));
            }
            System.arraycopy(b, p, pkt, pktLen, n);
            pktLen += n;
            if (pktLen < 6) {
                return;
            }
            long plen = Bytes.u32(pkt, 0);
            if (plen > MAX_KEXINIT - 4 || plen < 2) {
                s.malformed("malformed SSH packet", "packet length " + plen);
                finishSide();
                return;
            }
            if (pktLen < 4 + plen) {
                return;
            }
            int pad = pkt[4] & 0xff;
            int payload = 5;
            int payloadEnd = (int) (4 + plen - pad);
            if (payloadEnd <= payload || (pkt[payload] & 0xff) != 20) {
                finishSide();
                return;
            }
            String[][] lists = new String[10][];
            int q = payload + 17;
            StringBuilder hassh = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                if (q + 4 > payloadEnd) {
                    s.malformed("malformed SSH KEXINIT", "name-list " + i + " truncated");
                    finishSide();
                    return;
                }
                long l = Bytes.u32(pkt, q);
                if (q + 4 + l > payloadEnd) {
                    s.malformed("malformed SSH KEXINIT", "name-list " + i + " overruns the packet");
                    finishSide();
                    return;
                }
                String names = Bytes.latin1(pkt, q + 4, (int) l);
                lists[i] = names.isEmpty() ? new String[0] : names.split(",", 64);
                q += 4 + (int) l;
            }
            kex = lists;
            int enc = isClient ? 2 : 3;
            int mac = isClient ? 4 : 5;
            int comp = isClient ? 6 : 7;
            String h = String.join(",", lists[0]) + ";" + String.join(",", lists[enc]) + ";" + String.join(",", lists[mac])
                    + ";" + String.join(",", lists[comp]);
            SshEvent e = event(s);
            if (isClient) {
                e.setSshHassh(Bytes.md5(h));
            } else {
                e.setSshHasshServer(Bytes.md5(h));
            }
            pkt = null;
        }

        private void finishSide() {
            pkt = null;
            stopped = true;
        }

        boolean line(Session s, byte[] b, int off, int len) {
            if (Bytes.startsWith(b, off, len, "SSH-")) {
                banner = true;
                String text = Bytes.latin1(b, off, len);
                SshEvent e = event(s);
                if (isClient) {
                    e.setSshClient(text);
                } else {
                    e.setSshServer(text);
                }
                if (text.startsWith("SSH-2.") || text.startsWith("SSH-1.99")) {
                    e.setSshVersion(2L);
                } else if (text.startsWith("SSH-1.")) {
                    e.setSshVersion(1L);
                }
                s.confirm("ssh");
                return false;
            }
            if (isClient || ++preLines > MAX_PRE_BANNER_LINES) {
                // this side does not speak SSH; the other side's banner may still be worth reporting
                stopped = true;
                if ((isClient ? server : client).stopped && event == null) {
                    fail();
                }
                return false;
            }
            return true;
        }
    }
}
