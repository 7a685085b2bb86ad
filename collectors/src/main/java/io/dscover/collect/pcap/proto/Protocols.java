package io.dscover.collect.pcap.proto;

import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.IcmpEvent;
import io.dscover.model.event.IpProtocols;
import java.util.List;

/**
 * The dissectors dscover has, and how a connection gets them: by well-known port (confirmed or
 * dropped by content, as Zeek's port registrations are) and by content signatures on the first
 * bytes of each direction (so HTTP on port 22 is still HTTP).
 */
public final class Protocols {

    private Protocols() {
    }

    private static boolean has(List<Analyzer> list, String name) {
        for (Analyzer a : list) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Analyzer> list, Analyzer a) {
        if (!has(list, a.name())) {
            list.add(a);
        }
    }

    /** Analyzers registered for the responder's port. */
    public static void byPort(int transport, int origPort, int respPort, byte[] origAddr, byte[] respAddr,
            List<Analyzer> out) {
        if (transport == IpProtocols.UDP) {
            switch (respPort) {
                case 53, 5353, 5355, 137 -> add(out, new Dns(false, DnsEvent.protocolOfPort(respPort)));
                case 123 -> add(out, new ServiceProbe("ntp"));
                case 67, 68 -> add(out, new ServiceProbe("dhcp"));
                case 69 -> add(out, new Tftp());
                case 443 -> add(out, new Quic());
                case 88 -> add(out, new Kerberos(false));
                case 161, 162 -> add(out, new Snmp());
                default -> {
                    if (origPort == 53 || origPort == 5353 || origPort == 5355 || origPort == 137) {
                        add(out, new Dns(false, DnsEvent.protocolOfPort(origPort)));
                    }
                }
            }
        } else if (transport == IpProtocols.TCP) {
            switch (respPort) {
                case 22 -> add(out, new Ssh());
                case 21, 2811 -> add(out, new Ftp(origAddr, respAddr));
                case 25, 587 -> add(out, new Smtp());
                case 53 -> add(out, new Dns(true, "dns"));
                case 88 -> add(out, new Kerberos(true));
                case 3389 -> add(out, new Rdp());
                case 110 -> add(out, new ServiceProbe("pop3"));
                case 143 -> add(out, new ServiceProbe("imap"));
                case 139, 445 -> add(out, new Smb());
                case 135 -> add(out, new DceRpc(null));
                default -> {
                }
            }
        }
    }

    /** Attaches the dissectors whose signature matches the first bytes of one direction. */
    public static void bySignature(int transport, boolean fromOrig, byte[] origAddr, byte[] respAddr, byte[] b,
            int off, int len, List<Analyzer> out) {
        if (transport == IpProtocols.UDP && fromOrig && Quic.looksLikeInitial(b, off, len)) {
            add(out, new Quic());
            return;
        }
        if (transport != IpProtocols.TCP || len <= 0) {
            return;
        }
        if (fromOrig) {
            if (httpMethod(b, off, len)) {
                add(out, new Http());
            } else if (len >= 6 && b[off] == 0x16 && b[off + 1] == 3 && (b[off + 2] & 0xff) <= 4 && b[off + 5] == 1) {
                add(out, new Tls());
            } else if (Bytes.startsWithIgnoreCase(b, off, len, "SSH-")) {
                add(out, new Ssh());
            } else if (len >= 11 && b[off] == 3 && b[off + 1] == 0 && (b[off + 5] & 0xf0) == 0xe0) {
                add(out, new Rdp());
            } else if (len >= 8 && b[off] == 0 && ((b[off + 4] & 0xff) == 0xfe || (b[off + 4] & 0xff) == 0xff)
                    && b[off + 5] == 'S' && b[off + 6] == 'M' && b[off + 7] == 'B') {
                add(out, new Smb());
            } else if (len >= 16 && b[off] == 5 && b[off + 1] == 0 && (b[off + 2] == 11 || b[off + 2] == 0)) {
                add(out, new DceRpc(null));
            }
        } else {
            if (Bytes.startsWith(b, off, len, "HTTP/1.")) {
                add(out, new Http());
            } else if (len >= 6 && b[off] == 0x16 && b[off + 1] == 3 && (b[off + 2] & 0xff) <= 4 && b[off + 5] == 2) {
                add(out, new Tls());
            } else if (Bytes.startsWithIgnoreCase(b, off, len, "SSH-")) {
                add(out, new Ssh());
            } else if (Bytes.startsWith(b, off, len, "220")) {
                add(out, new Ftp(origAddr, respAddr));
                add(out, new Smtp());
            } else if (Bytes.startsWith(b, off, len, "+OK")) {
                add(out, new ServiceProbe("pop3"));
            } else if (Bytes.startsWith(b, off, len, "* OK")) {
                add(out, new ServiceProbe("imap"));
            }
        }
    }

    private static boolean httpMethod(byte[] b, int off, int len) {
        for (String m : new String[] {"GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "CONNECT ", "PATCH ",
            "TRACE ", "PROPFIND "}) {
            if (Bytes.startsWith(b, off, len, m)) {
                return true;
            }
        }
        return false;
    }

    /** Analyzers by service name (an expected connection already says what it carries). */
    public static void byName(String service, List<Analyzer> out) {
        // ftp-data carries files; nothing to dissect
    }

    /** One ICMP message: its type, code and payload size and entropy. */
    public static void icmp(Session s, int type, int code, byte[] b, int off, int captured, int wire) {
        IcmpEvent e = new IcmpEvent();
        e.setIcmpType((long) type);
        e.setIcmpCode((long) code);
        e.setIcmpPayloadBytes((long) wire);
        if (captured > 0) {
            e.setIcmpPayloadEntropy(entropy(b, off, captured));
        }
        s.emit(e);
    }

    static double entropy(byte[] b, int off, int len) {
        int[] counts = new int[256];
        for (int i = 0; i < len; i++) {
            counts[b[off + i] & 0xff]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / len;
                h -= p * (Math.log(p) / Math.log(2));
            }
        }
        return Math.round(h * 1000) / 1000.0;
    }
}
