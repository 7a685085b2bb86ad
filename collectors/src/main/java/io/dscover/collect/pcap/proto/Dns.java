package io.dscover.collect.pcap.proto;

import io.dscover.model.event.DnsEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DNS over UDP and TCP (also mDNS, LLMNR and NBNS, which share the format). Queries are held
 * (at most {@link #MAX_PENDING} per connection) until their response, then one {@code dns} event
 * per transaction is emitted at the query's time, as Zeek's dns.log has it; unanswered queries are
 * emitted when the connection ends.
 */
final class Dns extends Analyzer {

    static final int MAX_PENDING = 64;
    private static final int MAX_TCP_MESSAGE = 65_535;
    private static final int SMALL_TCP_BUFFER = 2 + 512;

    private record Pending(DnsEvent event, long ts) {
    }

    private final boolean tcp;
    private final String protocol;
    private final boolean netbios;
    private final Map<Integer, Pending> pending = new LinkedHashMap<>();
    private int failures;
    private int good;
    private byte[][] tcpBuf;
    private int[] tcpLen;

    /** {@code protocol} is a {@link DnsEvent#protocolOfPort} name; NBNS names are decoded from their first-level encoding. */
    Dns(boolean tcp, String protocol) {
        this.tcp = tcp;
        this.protocol = protocol;
        this.netbios = "nbns".equals(protocol);
    }

    @Override
    public String name() {
        return "dns";
    }

    @Override
    public void datagram(Session s, boolean fromOrig, byte[] b, int off, int len) {
        message(s, b, off, len);
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        if (tcpBuf == null) {
            tcpBuf = new byte[2][];
            tcpLen = new int[2];
        }
        int d = fromOrig ? 0 : 1;
        int p = off;
        int end = off + len;
        while (p < end && !done()) {
            byte[] buf = tcpBuf[d];
            int have = tcpLen[d];
            int need = have < 2 ? 2 : 2 + Bytes.u16(buf, 0);
            int take = Math.min(need - have, end - p);
            int old = buf == null ? 0 : buf.length;
            if (have + take > old) {
                int size = Math.min(MAX_TCP_MESSAGE + 2, Math.max(Math.max(have + take, need), SMALL_TCP_BUFFER));
                if (!reserve(s, size - old)) {
                    // no memory to hold the message: DNS over this connection is not followed further
                    finish();
                    return;
                }
                buf = tcpBuf[d] = buf == null ? new byte[size] : java.util.Arrays.copyOf(buf, size);
            }
            System.arraycopy(b, p, buf, have, take);
            have += take;
            p += take;
            tcpLen[d] = have;
            if (have >= 2 && have == 2 + Bytes.u16(buf, 0)) {
                message(s, buf, 2, have - 2);
                tcpLen[d] = 0;
                if (buf.length > SMALL_TCP_BUFFER) {
                    release(s, buf.length - SMALL_TCP_BUFFER);
                    tcpBuf[d] = java.util.Arrays.copyOf(buf, SMALL_TCP_BUFFER);
                }
            }
        }
    }

    private void message(Session s, byte[] b, int off, int len) {
        DnsMessage m = DnsMessage.parse(b, off, len);
        if (m.error != null) {
            s.malformed("malformed DNS message", m.error);
            if (good == 0 && ++failures >= 2) {
                fail();
            }
            if (m.qname == null) {
                return;
            }
        } else if (m.opcode > 5) {
            s.malformed("malformed DNS message", "opcode " + m.opcode);
            if (good == 0 && ++failures >= 2) {
                fail();
            }
            return;
        }
        good++;
        s.confirm("dns");
        if (!m.response) {
            if (pending.size() >= MAX_PENDING) {
                Iterator<Map.Entry<Integer, Pending>> it = pending.entrySet().iterator();
                Pending old = it.next().getValue();
                it.remove();
                release(s, HELD_MESSAGE);
                s.emit(old.event);
            }
            DnsEvent e = new DnsEvent();
            s.stampLocation(e);
            fillQuestion(e, m);
            if (!reserve(s, HELD_MESSAGE)) {
                s.emit(e); // no memory to hold it for its response: it goes out unanswered
                return;
            }
            Pending prev = pending.put(m.id, new Pending(e, s.now()));
            if (prev != null) {
                release(s, HELD_MESSAGE);
                s.emit(prev.event);
            }
            return;
        }
        Pending q = pending.remove(m.id);
        if (q != null) {
            release(s, HELD_MESSAGE);
        }
        DnsEvent e;
        if (q != null) {
            e = q.event;
            e.setDnsRtt(s.now() - q.ts);
        } else {
            e = new DnsEvent();
            s.stampLocation(e);
        }
        if (m.qname == null && q == null && m.firstAnswerName != null) {
            // no question section (mDNS announcements): the answer's owner is what Zeek logs as the query
            m.qname = m.firstAnswerName;
            m.qtype = m.firstAnswerType;
            m.qclass = m.firstAnswerClass;
        }
        if (m.qname != null || q == null) {
            fillQuestion(e, m);
        }
        e.setDnsResponseCode(DnsNames.rcode(m.rcode));
        e.setDnsHeaderFlags(flags(m.flags, netbios));
        if (!m.answers.isEmpty()) {
            e.setDnsAnswers(List.copyOf(m.answers));
            e.setDnsAnswerTtls(List.copyOf(m.ttls));
        }
        e.setDnsRejected(m.rcode == 5 || m.rcode != 0 && m.answers.isEmpty() && m.rcode != 3 && m.rcode != 2);
        s.emit(e);
    }

    private void fillQuestion(DnsEvent e, DnsMessage m) {
        e.setDnsId((long) m.id);
        e.setDnsProtocol(protocol);
        if (m.qname != null) {
            e.setDnsQuestionName(netbios ? DnsMessage.netbios(m.qname) : m.qname);
            e.setDnsQuestionType(DnsNames.type(m.qtype));
            e.setDnsQuestionClass(DnsNames.clazz(m.qclass).replace("C_INTERNET", "IN"));
        }
        e.setDnsHeaderFlags(flags(m.flags, netbios));
    }

    /** In NBNS (RFC 1002 4.2.1.1) the bit DNS calls CD is B, a broadcast query, and AD is reserved. */
    private static List<String> flags(int f, boolean netbios) {
        List<String> l = new ArrayList<>(4);
        if ((f & 0x0400) != 0) {
            l.add("AA");
        }
        if ((f & 0x0200) != 0) {
            l.add("TC");
        }
        if ((f & 0x0100) != 0) {
            l.add("RD");
        }
        if ((f & 0x0080) != 0) {
            l.add("RA");
        }
        if (netbios) {
            if ((f & 0x0010) != 0) {
                l.add("B");
            }
            return l;
        }
        if ((f & 0x0020) != 0) {
            l.add("AD");
        }
        if ((f & 0x0010) != 0) {
            l.add("CD");
        }
        return l;
    }

    @Override
    public void end(Session s) {
        for (Pending p : pending.values()) {
            s.emit(p.event);
        }
        release(s, pending.size() * HELD_MESSAGE);
        pending.clear();
    }
}
