package io.dscover.collect.pcap.proto;

import io.dscover.model.event.TlsEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields detections use from a DER X.509 certificate: subject and issuer (RFC 2253
 * text, as Zeek writes them), validity, DNS subject alternative names and the SHA-1 fingerprint.
 */
final class Certificates {

    private static final int MAX_SANS = 32;

    private Certificates() {
    }

    /** Fills the server certificate fields; false when the DER is not a certificate. */
    static boolean describe(byte[] b, int off, int len, TlsEvent e) {
        Der d = new Der(b);
        int limit = off + len;
        if (!d.read(off, limit) || d.tag != 0x30) {
            return false;
        }
        e.setTlsServerHashSha1(Bytes.hex(Bytes.digest("SHA-1", b, off, d.end - off)));
        if (!d.read(d.start, d.end) || d.tag != 0x30) {
            return false;
        }
        int tbsEnd = d.end;
        int p = d.start;
        if (!d.read(p, tbsEnd)) {
            return false;
        }
        if (d.tag == 0xa0) { // version
            p = d.end;
            if (!d.read(p, tbsEnd)) {
                return false;
            }
        }
        p = d.end; // serial
        if (!d.read(p, tbsEnd)) {
            return false;
        }
        p = d.end; // signature algorithm
        if (!d.read(p, tbsEnd) || d.tag != 0x30) {
            return false;
        }
        e.setTlsServerIssuer(name(b, d.start, d.end));
        p = d.end;
        if (!d.read(p, tbsEnd) || d.tag != 0x30) {
            return false;
        }
        int validityEnd = d.end;
        Der t = new Der(b);
        if (t.read(d.start, validityEnd)) {
            Long nb = time(b, t);
            if (nb != null) {
                e.setTlsServerNotBefore(nb);
            }
            if (t.read(t.end, validityEnd)) {
                Long na = time(b, t);
                if (na != null) {
                    e.setTlsServerNotAfter(na);
                }
            }
        }
        p = validityEnd;
        if (!d.read(p, tbsEnd) || d.tag != 0x30) {
            return false;
        }
        e.setTlsServerSubject(name(b, d.start, d.end));
        p = d.end;
        // subjectPublicKeyInfo, then optional [1] [2] [3]
        while (p < tbsEnd && d.read(p, tbsEnd)) {
            if (d.tag == 0xa3) {
                List<String> sans = sans(b, d.start, d.end);
                if (!sans.isEmpty()) {
                    e.setTlsServerSubjectAltNames(sans);
                }
            }
            p = d.end;
        }
        return true;
    }

    private static List<String> sans(byte[] b, int start, int end) {
        List<String> out = new ArrayList<>();
        Der seq = new Der(b);
        if (!seq.read(start, end) || seq.tag != 0x30) {
            return out;
        }
        Der ext = new Der(b);
        int p = seq.start;
        while (p < seq.end && ext.read(p, seq.end)) {
            Der f = new Der(b);
            if (ext.tag == 0x30 && f.read(ext.start, ext.end) && f.tag == 0x06 && oid(b, f.start, f.end).equals("2.5.29.17")) {
                int q = f.end;
                Der v = new Der(b);
                while (q < ext.end && v.read(q, ext.end)) {
                    if (v.tag == 0x04) {
                        Der names = new Der(b);
                        if (names.read(v.start, v.end) && names.tag == 0x30) {
                            Der n = new Der(b);
                            int r = names.start;
                            while (r < names.end && n.read(r, names.end) && out.size() < MAX_SANS) {
                                if (n.tag == 0x82) {
                                    out.add(Bytes.latin1(b, n.start, Math.min(n.end - n.start, 255)));
                                }
                                r = n.end;
                            }
                        }
                    }
                    q = v.end;
                }
            }
            p = ext.end;
        }
        return out;
    }

    /** RFC 2253 text of a Name: RDNs last to first, joined by commas. */
    static String name(byte[] b, int start, int end) {
        List<String> rdns = new ArrayList<>();
        Der set = new Der(b);
        int p = start;
        while (p < end && set.read(p, end) && rdns.size() < 64) {
            Der atv = new Der(b);
            int q = set.start;
            StringBuilder rdn = new StringBuilder();
            while (q < set.end && atv.read(q, set.end)) {
                Der o = new Der(b);
                if (atv.tag == 0x30 && o.read(atv.start, atv.end) && o.tag == 0x06) {
                    Der v = new Der(b);
                    if (v.read(o.end, atv.end)) {
                        if (rdn.length() > 0) {
                            rdn.append('+');
                        }
                        rdn.append(attribute(oid(b, o.start, o.end))).append('=')
                                .append(escape(value(b, v)));
                    }
                }
                q = atv.end;
            }
            rdns.add(rdn.toString());
            p = set.end;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = rdns.size() - 1; i >= 0; i--) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(rdns.get(i));
        }
        return sb.toString();
    }

    private static String value(byte[] b, Der v) {
        int n = Math.min(v.end - v.start, 1024);
        return switch (v.tag) {
            case 0x0c -> Bytes.utf8(b, v.start, n);
            case 0x1e -> new String(b, v.start, n & ~1, java.nio.charset.StandardCharsets.UTF_16BE);
            default -> Bytes.latin1(b, v.start, n);
        };
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (",+\"\\<>;".indexOf(c) >= 0 || (i == 0 && (c == '#' || c == ' ')) || (i == s.length() - 1 && c == ' ')) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String attribute(String oid) {
        return switch (oid) {
            case "2.5.4.3" -> "CN";
            case "2.5.4.6" -> "C";
            case "2.5.4.7" -> "L";
            case "2.5.4.8" -> "ST";
            case "2.5.4.9" -> "street";
            case "2.5.4.10" -> "O";
            case "2.5.4.11" -> "OU";
            case "2.5.4.5" -> "serialNumber";
            case "1.2.840.113549.1.9.1" -> "emailAddress";
            case "0.9.2342.19200300.100.1.25" -> "DC";
            case "0.9.2342.19200300.100.1.1" -> "UID";
            default -> oid;
        };
    }

    static String oid(byte[] b, int start, int end) {
        StringBuilder sb = new StringBuilder();
        long v = 0;
        boolean first = true;
        for (int i = start; i < end && sb.length() < 128; i++) {
            v = (v << 7) | (b[i] & 0x7f);
            if ((b[i] & 0x80) == 0) {
                if (first) {
                    long a = Math.min(2, v / 40);
                    sb.append(a).append('.').append(v - a * 40);
                    first = false;
                } else {
                    sb.append('.').append(v);
                }
                v = 0;
            }
        }
        return sb.toString();
    }

    private static Long time(byte[] b, Der t) {
        String s = Bytes.latin1(b, t.start, Math.min(t.end - t.start, 32));
        try {
            int year;
            int i;
            if (t.tag == 0x17 && s.length() >= 12) {
                year = Integer.parseInt(s.substring(0, 2));
                year += year < 50 ? 2000 : 1900;
                i = 2;
            } else if (t.tag == 0x18 && s.length() >= 14) {
                year = Integer.parseInt(s.substring(0, 4));
                i = 4;
            } else {
                return null;
            }
            int mon = Integer.parseInt(s.substring(i, i + 2));
            int day = Integer.parseInt(s.substring(i + 2, i + 4));
            int h = Integer.parseInt(s.substring(i + 4, i + 6));
            int m = Integer.parseInt(s.substring(i + 6, i + 8));
            int sec = Integer.parseInt(s.substring(i + 8, i + 10));
            long days = io.dscover.model.event.Timestamps.daysFromCivil(year, mon, day);
            return ((days * 86400L) + h * 3600L + m * 60L + sec) * 1_000_000_000L;
        } catch (RuntimeException ex) {
            return null;
        }
    }
}
