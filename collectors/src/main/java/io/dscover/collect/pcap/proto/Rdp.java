package io.dscover.collect.pcap.proto;

import io.dscover.model.event.RdpEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * RDP connection setup: the X.224 Connection Request (mstshash cookie, requested security
 * protocols) and Confirm (selected protocol or failure). When the two sides switch to TLS, the
 * rest of the stream goes to a TLS dissector, as Zeek's RDP analyzer hands off to SSL.
 */
final class Rdp extends Analyzer {

    private static final int MAX_PDU = 4096;

    private final byte[][] buf = {new byte[64], new byte[64]};
    private final int[] len = new int[2];
    private final boolean[] handshakeDone = new boolean[2];
    private RdpEvent event;
    private Tls tls;
    private boolean emitted;

    @Override
    public String name() {
        return "rdp";
    }

    @Override
    public void releaseAll(Session s) {
        super.releaseAll(s);
        if (tls != null) {
            tls.releaseAll(s);
        }
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int n) {
        int d = fromOrig ? 0 : 1;
        if (handshakeDone[d]) {
            if (tls != null && !tls.done()) {
                tls.stream(s, fromOrig, b, off, n);
            }
            return;
        }
        int p = off;
        int end = off + n;
        while (p < end && !handshakeDone[d] && !failed()) {
            int have = len[d];
            int need = have < 4 ? 4 : Bytes.u16(buf[d], 2);
            if (have >= 4 && (need < 7 || need > MAX_PDU || (buf[d][0] & 0xff) != 3)) {
                fail();
                return;
            }
            int take = Math.min(need - have, end - p);
            if (have + take > buf[d].length) {
                int size = Math.min(MAX_PDU, Math.max(need, buf[d].length * 2));
                if (!reserve(s, size - buf[d].length)) {
                    fail();
                    return;
                }
                buf[d] = java.util.Arrays.copyOf(buf[d], size);
            }
            System.arraycopy(b, p, buf[d], have, take);
            len[d] = have + take;
            p += take;
            if (len[d] >= 4 && len[d] == Bytes.u16(buf[d], 2)) {
                pdu(s, fromOrig, buf[d], len[d]);
                len[d] = 0;
            }
        }
        if (handshakeDone[d] && p < end && tls != null) {
            tls.stream(s, fromOrig, b, p, end - p);
        }
    }

    private void pdu(Session s, boolean fromOrig, byte[] b, int n) {
        if (n < 11 || (b[4] & 0xff) + 5 > n) {
            fail();
            return;
        }
        int code = b[5] & 0xf0;
        int x224End = 5 + (b[4] & 0xff);
        if (fromOrig && code == 0xe0) {
            s.confirm("rdp");
            event = new RdpEvent();
            s.stampLocation(event);
            int p = 11;
            if (Bytes.startsWith(b, p, n - p, "Cookie: mstshash=")) {
                int q = p + 17;
                int e = q;
                while (e < n && b[e] != '\r' && b[e] != '\n') {
                    e++;
                }
                event.setRdpCookie(Bytes.latin1(b, q, Math.min(e - q, 256)));
                p = e + 2;
            }
            if (p + 8 <= n && b[p] == 1) {
                long req = Bytes.u32le(b, p + 4);
                List<String> names = new ArrayList<>();
                if (req == 0) {
                    names.add("RDP");
                }
                if ((req & 1) != 0) {
                    names.add("SSL");
                }
                if ((req & 2) != 0) {
                    names.add("HYBRID");
                }
                if ((req & 8) != 0) {
                    names.add("HYBRID_EX");
                }
                event.setRdpRequestedProtocols(names);
            }
            handshakeDone[0] = true;
        } else if (!fromOrig && code == 0xd0) {
            if (event == null) {
                event = new RdpEvent();
                s.stampLocation(event);
            }
            int p = 11;
            if (p + 8 <= n && b[p] == 2) {
                long sel = Bytes.u32le(b, p + 4);
                String proto = sel == 0 ? "RDP" : sel == 1 ? "SSL" : sel == 2 ? "HYBRID" : sel == 8 ? "HYBRID_EX"
                        : "UNKNOWN-" + sel;
                event.setRdpSecurityProtocol(proto);
                event.setRdpResult(sel == 0 ? "success" : "encrypted");
                if (sel != 0) {
                    tls = new Tls();
                }
            } else if (p + 8 <= n && b[p] == 3) {
                event.setRdpResult("failure");
            } else {
                event.setRdpSecurityProtocol("RDP");
                event.setRdpResult("success");
            }
            handshakeDone[1] = true;
            handshakeDone[0] = true;
            emit(s);
        } else if (x224End > n) {
            fail();
        }
    }

    private void emit(Session s) {
        if (!emitted && event != null) {
            emitted = true;
            s.emit(event);
        }
    }

    @Override
    public void end(Session s) {
        emit(s);
        if (tls != null && !tls.failed()) {
            tls.end(s);
        }
    }
}
