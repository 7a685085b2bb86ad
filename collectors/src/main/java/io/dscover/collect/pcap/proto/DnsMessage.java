package io.dscover.collect.pcap.proto;

import io.dscover.model.event.IpAddresses;
import java.util.ArrayList;
import java.util.List;

/**
 * One parsed DNS message (RFC 1035): header, first question, answer records. Names follow
 * compression pointers with a jump limit (a pointer loop is malformed, not a hang) and are capped
 * at 255 characters; at most {@link #MAX_RECORDS} records are read.
 */
final class DnsMessage {

    static final int MAX_RECORDS = 64;
    static final int MAX_NAME = 255;
    static final int MAX_JUMPS = 32;
    static final int MAX_ANSWER_TEXT = 1024;

    int id;
    boolean response;
    int opcode;
    int rcode;
    int flags;
    String qname;
    int qtype = -1;
    int qclass = -1;
    final List<String> answers = new ArrayList<>();
    final List<Long> ttls = new ArrayList<>();
    int answerCount;
    String firstAnswerName;
    int firstAnswerType = -1;
    int firstAnswerClass = -1;
    String error;

    /** Parses; on failure {@link #error} says why (and the fields read so far stay set). */
    static DnsMessage parse(byte[] b, int off, int len) {
        DnsMessage m = new DnsMessage();
        if (len < 12) {
            m.error = "DNS header truncated: " + len + " bytes";
            return m;
        }
        m.id = Bytes.u16(b, off);
        int f = Bytes.u16(b, off + 2);
        m.flags = f;
        m.response = (f & 0x8000) != 0;
        m.opcode = (f >> 11) & 0xf;
        m.rcode = f & 0xf;
        int qd = Bytes.u16(b, off + 4);
        int an = Bytes.u16(b, off + 6);
        m.answerCount = an;
        int p = off + 12;
        int end = off + len;
        int[] pos = {p};
        for (int i = 0; i < qd; i++) {
            String name = readName(b, off, end, pos, m);
            if (name == null) {
                return m;
            }
            if (end - pos[0] < 4) {
                m.error = "DNS question truncated";
                return m;
            }
            if (i == 0) {
                m.qname = name;
                m.qtype = Bytes.u16(b, pos[0]);
                m.qclass = Bytes.u16(b, pos[0] + 2);
            }
            pos[0] += 4;
            if (i >= MAX_RECORDS) {
                return m;
            }
        }
        for (int i = 0; i < an && i < MAX_RECORDS; i++) {
            String name = readName(b, off, end, pos, m);
            if (name == null) {
                return m;
            }
            if (end - pos[0] < 10) {
                m.error = "DNS record truncated";
                return m;
            }
            int type = Bytes.u16(b, pos[0]);
            long ttl = Bytes.u32(b, pos[0] + 4);
            int rdlen = Bytes.u16(b, pos[0] + 8);
            int rd = pos[0] + 10;
            if (end - rd < rdlen) {
                m.error = "DNS record data truncated: " + rdlen + " bytes claimed";
                return m;
            }
            if (i == 0) {
                m.firstAnswerName = name;
                m.firstAnswerType = type;
                m.firstAnswerClass = Bytes.u16(b, pos[0] + 2);
            }
            String text = rdata(b, off, rd, rdlen, type, m);
            if (text == null) {
                return m;
            }
            m.answers.add(text);
            m.ttls.add(ttl);
            pos[0] = rd + rdlen;
        }
        return m;
    }

    private static String rdata(byte[] b, int msg, int p, int len, int type, DnsMessage m) {
        int end = p + len;
        switch (type) {
            case 1 -> {
                return len == 4 ? IpAddresses.format(b, p, 4) : fail(m, "A record of " + len + " bytes");
            }
            case 28 -> {
                return len == 16 ? IpAddresses.format(b, p, 16) : fail(m, "AAAA record of " + len + " bytes");
            }
            case 2, 5, 12, 39 -> {
                return readName(b, msg, end, new int[] {p}, m);
            }
            case 15 -> {
                return len < 3 ? fail(m, "MX record truncated") : readName(b, msg, end, new int[] {p + 2}, m);
            }
            case 33 -> {
                return len < 7 ? fail(m, "SRV record truncated") : readName(b, msg, end, new int[] {p + 6}, m);
            }
            case 6 -> {
                return readName(b, msg, end, new int[] {p}, m);
            }
            case 32 -> {
                return len >= 6 ? IpAddresses.format(b, p + 2, 4) : "<NB>";
            }
            case 16 -> {
                StringBuilder sb = new StringBuilder();
                int q = p;
                while (q < end) {
                    int l = b[q] & 0xff;
                    if (q + 1 + l > end) {
                        return fail(m, "TXT string overruns its record");
                    }
                    if (sb.length() + l <= MAX_ANSWER_TEXT) {
                        sb.append(Bytes.latin1(b, q + 1, l));
                    }
                    q += 1 + l;
                }
                return sb.toString();
            }
            default -> {
                return "<" + DnsNames.type(type) + ">";
            }
        }
    }

    private static String fail(DnsMessage m, String why) {
        m.error = why;
        return null;
    }

    /** Reads a possibly compressed name at pos[0] (advanced past it); null with m.error on failure. */
    static String readName(byte[] b, int msg, int end, int[] pos, DnsMessage m) {
        StringBuilder sb = new StringBuilder(32);
        int p = pos[0];
        int jumps = 0;
        int after = -1;
        while (true) {
            if (p >= end) {
                return fail(m, "DNS name runs past the message");
            }
            int l = b[p] & 0xff;
            if (l == 0) {
                p++;
                break;
            }
            if ((l & 0xc0) == 0xc0) {
                if (p + 1 >= end) {
                    return fail(m, "DNS compression pointer truncated");
                }
                int target = msg + (((l & 0x3f) << 8) | (b[p + 1] & 0xff));
                if (++jumps > MAX_JUMPS || target >= end) {
                    return fail(m, jumps > MAX_JUMPS ? "DNS compression loop" : "DNS compression pointer out of range");
                }
                if (after < 0) {
                    after = p + 2;
                }
                p = target;
                continue;
            }
            if ((l & 0xc0) != 0) {
                return fail(m, "DNS label type 0x" + Integer.toHexString(l & 0xc0));
            }
            if (p + 1 + l > end) {
                return fail(m, "DNS label runs past the message");
            }
            if (sb.length() > 0 && sb.length() < MAX_NAME) {
                sb.append('.');
            }
            for (int i = 0; i < l && sb.length() < MAX_NAME; i++) {
                int c = b[p + 1 + i] & 0xff;
                if (c >= 'A' && c <= 'Z') {
                    sb.append((char) (c + 32));
                } else if (c >= 0x21 && c < 0x7f) {
                    sb.append((char) c);
                } else {
                    sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                }
            }
            p += 1 + l;
        }
        pos[0] = after >= 0 ? after : p;
        return sb.toString();
    }

    /** NetBIOS first-level decoding (RFC 1001): 32 letters A-P to a 15-character name, trailing spaces cut. */
    static String netbios(String name) {
        int dot = name.indexOf('.');
        String label = dot < 0 ? name : name.substring(0, dot);
        if (label.length() != 32) {
            return name;
        }
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 30; i += 2) {
            int hi = label.charAt(i) - 'a';
            int lo = label.charAt(i + 1) - 'a';
            if (hi < 0 || hi > 15 || lo < 0 || lo > 15) {
                return name;
            }
            int c = (hi << 4) | lo;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

}
