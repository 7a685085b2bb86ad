package io.dscover.collect.pcap.proto;

import io.dscover.model.event.KerberosEvent;
import java.util.ArrayDeque;

/**
 * Kerberos 5 (RFC 4120) over UDP and TCP (4-byte record marking): AS-REQ, TGS-REQ, their replies
 * and KRB-ERROR. One {@code kerberos} event per exchange, at the request's time, filled as Zeek's
 * kerberos.log is: request type, client ({@code name/REALM}), service, success or the error's
 * name, the ticket's encryption type (rc4-hmac in a TGS reply is the Kerberoasting tell) and the
 * forwardable and renewable options requested. Unlike Zeek (one record per connection), every
 * exchange is reported, and so is every error, KDC_ERR_PREAUTH_REQUIRED included (AS-REP
 * roasting and user enumeration show in them).
 */
final class Kerberos extends Analyzer {

    static final int MAX_PENDING = 16;
    static final int MAX_TCP_MESSAGE = 64 * 1024;
    private static final int MAX_NAME_PARTS = 8;
    private static final int MAX_TEXT = 512;

    private static final int AS_REQ = 0x6a;
    private static final int AS_REP = 0x6b;
    private static final int TGS_REQ = 0x6c;
    private static final int TGS_REP = 0x6d;
    private static final int KRB_ERROR = 0x7e;

    private final boolean tcp;
    private final ArrayDeque<KerberosEvent> pending = new ArrayDeque<>();
    private final byte[][] tcpBuf = new byte[2][];
    private final int[] tcpHave = new int[2];
    private final byte[][] mark = {new byte[4], new byte[4]};
    private final int[] markHave = new int[2];
    private final long[] skip = new long[2];
    private int good;
    private int bad;

    Kerberos(boolean tcp) {
        this.tcp = tcp;
    }

    @Override
    public String name() {
        return tcp ? "krb_tcp" : "krb";
    }

    @Override
    public void datagram(Session s, boolean fromOrig, byte[] b, int off, int len) {
        message(s, b, off, off + len);
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        int d = fromOrig ? 0 : 1;
        int p = off;
        int end = off + len;
        while (p < end && !done()) {
            if (skip[d] > 0) {
                int n = (int) Math.min(skip[d], end - p);
                skip[d] -= n;
                p += n;
                continue;
            }
            if (markHave[d] < 4) {
                int n = Math.min(4 - markHave[d], end - p);
                System.arraycopy(b, p, mark[d], markHave[d], n);
                markHave[d] += n;
                p += n;
                if (markHave[d] < 4) {
                    return;
                }
                long length = Bytes.u32(mark[d], 0);
                if ((length & 0x80000000L) != 0 || length == 0) {
                    // the reserved bit (or nothing): not a Kerberos record, and no way to find the next one
                    if (good == 0) {
                        fail();
                    } else {
                        s.malformed("malformed Kerberos message", "record mark 0x" + Long.toHexString(length));
                        finish();
                    }
                    return;
                }
                if (length > MAX_TCP_MESSAGE) {
                    s.malformed("malformed Kerberos message", "record of " + length + " bytes over TCP");
                    skip[d] = length;
                    markHave[d] = 0;
                    continue;
                }
                if (!reserve(s, (int) length)) {
                    skip[d] = length;
                    markHave[d] = 0;
                    continue;
                }
                tcpBuf[d] = new byte[(int) length];
                tcpHave[d] = 0;
                continue;
            }
            byte[] buf = tcpBuf[d];
            int n = Math.min(buf.length - tcpHave[d], end - p);
            System.arraycopy(b, p, buf, tcpHave[d], n);
            tcpHave[d] += n;
            p += n;
            if (tcpHave[d] == buf.length) {
                tcpBuf[d] = null;
                markHave[d] = 0;
                release(s, buf.length);
                message(s, buf, 0, buf.length);
            }
        }
    }

    private void notKerberos(Session s, String why) {
        if (good == 0 && ++bad >= 2) {
            fail();
        } else if (good > 0) {
            s.malformed("malformed Kerberos message", why);
        }
    }

    private void message(Session s, byte[] b, int off, int end) {
        Der app = new Der(b);
        if (!app.read(off, end)) {
            notKerberos(s, "not DER");
            return;
        }
        Der seq = new Der(b);
        if (!seq.read(app.start, app.end) || seq.tag != 0x30) {
            notKerberos(s, "no SEQUENCE in message 0x" + Integer.toHexString(app.tag));
            return;
        }
        switch (app.tag) {
            case AS_REQ, TGS_REQ -> request(s, b, app.tag == AS_REQ, seq);
            case AS_REP, TGS_REP -> reply(s, b, app.tag == AS_REP, seq);
            case KRB_ERROR -> error(s, b, seq);
            default -> notKerberos(s, "message 0x" + Integer.toHexString(app.tag));
        }
    }

    private void confirm(Session s) {
        if (good++ == 0) {
            s.confirm(name());
        }
    }

    private void request(Session s, byte[] b, boolean as, Der seq) {
        Der body = field(b, seq, 4);
        if (body == null || body.tag != 0x30) {
            notKerberos(s, "KDC request without a body");
            return;
        }
        confirm(s);
        KerberosEvent e = new KerberosEvent();
        s.stampLocation(e);
        e.setKerberosRequestType(as ? "AS" : "TGS");
        Der options = field(b, body, 0);
        if (options != null && options.tag == 0x03) {
            // KDCOptions: a BIT STRING, bit 0 the most significant bit of the first byte after the unused-bits count
            e.setKerberosForwardable(bit(b, options, 1));
            e.setKerberosRenewable(bit(b, options, 8));
        }
        String realm = text(b, field(b, body, 2));
        if (as) {
            String client = principal(b, field(b, body, 1));
            e.setKerberosClient((client == null ? "" : client) + "/" + (realm == null ? "" : realm));
        }
        String service = principal(b, field(b, body, 3));
        if (service != null) {
            e.setKerberosService(service);
        }
        if (pending.size() >= MAX_PENDING) {
            release(s, HELD_MESSAGE);
            s.emit(pending.poll());
        }
        if (!reserve(s, HELD_MESSAGE)) {
            s.emit(e); // no memory to hold it for its reply
            return;
        }
        pending.add(e);
    }

    private KerberosEvent answered(Session s) {
        KerberosEvent e = pending.poll();
        if (e != null) {
            release(s, HELD_MESSAGE);
            return e;
        }
        e = new KerberosEvent();
        s.stampLocation(e);
        return e;
    }

    private void reply(Session s, byte[] b, boolean as, Der seq) {
        Der ticket = field(b, seq, 5);
        Der ticketSeq = new Der(b);
        if (ticket == null || ticket.tag != 0x61 || !ticketSeq.read(ticket.start, ticket.end) || ticketSeq.tag != 0x30) {
            notKerberos(s, "KDC reply without a ticket");
            return;
        }
        confirm(s);
        KerberosEvent e = answered(s);
        if (e.getKerberosRequestType() == null) {
            e.setKerberosRequestType(as ? "AS" : "TGS");
        }
        if (e.getKerberosClient() == null) {
            String name = principal(b, field(b, seq, 4));
            String realm = text(b, field(b, seq, 3));
            if (name != null || realm != null) {
                e.setKerberosClient((name == null ? "" : name) + "/" + (realm == null ? "" : realm));
            }
        }
        String service = principal(b, field(b, ticketSeq, 2));
        if (service != null) {
            e.setKerberosService(service);
        }
        Der enc = field(b, ticketSeq, 3);
        if (enc != null && enc.tag == 0x30) {
            long etype = integer(b, field(b, enc, 0));
            if (etype != Long.MIN_VALUE) {
                e.setKerberosCipher(KerberosNames.cipher(etype));
            }
        }
        e.setKerberosSuccess(true);
        s.emit(e);
    }

    private void error(Session s, byte[] b, Der seq) {
        long code = integer(b, field(b, seq, 6));
        if (code == Long.MIN_VALUE) {
            notKerberos(s, "KRB-ERROR without an error code");
            return;
        }
        confirm(s);
        KerberosEvent e = answered(s);
        if (e.getKerberosClient() == null) {
            String name = principal(b, field(b, seq, 8));
            String realm = text(b, field(b, seq, 7));
            if (name != null || realm != null) {
                e.setKerberosClient((name == null ? "" : name + "/") + (realm == null ? "" : realm));
            }
        }
        String service = principal(b, field(b, seq, 10));
        if (service != null) {
            e.setKerberosService(service);
        }
        String eText = text(b, field(b, seq, 11));
        e.setKerberosSuccess(false);
        e.setKerberosErrorMsg(eText != null && !eText.isEmpty() ? eText : KerberosNames.error(code));
        s.emit(e);
    }

    @Override
    public void end(Session s) {
        while (!pending.isEmpty()) {
            release(s, HELD_MESSAGE);
            s.emit(pending.poll());
        }
    }

    // ------------------------------------------------------------------ DER helpers

    /** The element inside context tag [n] of a SEQUENCE, or null. */
    private static Der field(byte[] b, Der seq, int n) {
        if (seq == null) {
            return null;
        }
        Der e = new Der(b);
        int p = seq.start;
        while (p < seq.end && e.read(p, seq.end)) {
            if (e.tag == (0xa0 | n)) {
                Der inner = new Der(b);
                return inner.read(e.start, e.end) ? inner : null;
            }
            p = e.end;
        }
        return null;
    }

    private static long integer(byte[] b, Der d) {
        if (d == null || d.tag != 0x02 || d.end - d.start < 1 || d.end - d.start > 8) {
            return Long.MIN_VALUE;
        }
        long v = b[d.start]; // sign-extended
        for (int i = d.start + 1; i < d.end; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }

    private static boolean bit(byte[] b, Der bits, int n) {
        int p = bits.start + 1 + n / 8;
        return p < bits.end && (b[p] & (0x80 >> (n % 8))) != 0;
    }

    /** A KerberosString (GeneralString, or the UTF8String some implementations send), or null. */
    private static String text(byte[] b, Der d) {
        if (d == null || d.tag != 0x1b && d.tag != 0x0c) {
            return null;
        }
        return Bytes.utf8(b, d.start, Math.min(d.end - d.start, MAX_TEXT));
    }

    /** A PrincipalName's name-string parts joined with {@code /} (krbtgt/REALM, MSSQLSvc/host:1433), or null. */
    private static String principal(byte[] b, Der name) {
        if (name == null || name.tag != 0x30) {
            return null;
        }
        Der parts = field(b, name, 1);
        if (parts == null || parts.tag != 0x30) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        Der part = new Der(b);
        int p = parts.start;
        for (int i = 0; i < MAX_NAME_PARTS && p < parts.end && part.read(p, parts.end); i++) {
            String t = text(b, part);
            if (t != null) {
                if (sb.length() > 0) {
                    sb.append('/');
                }
                sb.append(t);
            }
            p = part.end;
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
