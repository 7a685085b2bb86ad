package io.dscover.collect.pcap.proto;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a TLS ClientHello or ServerHello that fingerprints need, in wire order, and the
 * JA3, JA3S and JA4 fingerprints computed from them (GREASE values left out, as the specs say).
 */
final class ClientHello {

    static final int MAX_LIST = 256;

    int legacyVersion;
    final List<Integer> ciphers = new ArrayList<>();
    final List<Integer> extensions = new ArrayList<>();
    final List<Integer> groups = new ArrayList<>();
    final List<Integer> pointFormats = new ArrayList<>();
    final List<Integer> signatureAlgorithms = new ArrayList<>();
    final List<Integer> supportedVersions = new ArrayList<>();
    final List<String> alpn = new ArrayList<>();
    String serverName;
    byte[] sessionId;
    int selectedVersion = -1;
    int keyShareGroup = -1;

    /** Parses a ClientHello (client=true) or ServerHello body; null when malformed. */
    static ClientHello parse(byte[] b, int p, int end, boolean client) {
        ClientHello h = new ClientHello();
        if (end - p < 38) {
            return null;
        }
        h.legacyVersion = Bytes.u16(b, p);
        p += 34;
        int sid = Bytes.u8(b, p);
        if (p + 1 + sid > end || sid > 32) {
            return null;
        }
        h.sessionId = java.util.Arrays.copyOfRange(b, p + 1, p + 1 + sid);
        p += 1 + sid;
        if (client) {
            if (end - p < 2) {
                return null;
            }
            int cl = Bytes.u16(b, p);
            if (p + 2 + cl > end || (cl & 1) != 0) {
                return null;
            }
            for (int i = 0; i < cl; i += 2) {
                if (h.ciphers.size() < MAX_LIST) {
                    h.ciphers.add(Bytes.u16(b, p + 2 + i));
                }
            }
            p += 2 + cl;
            if (end - p < 1) {
                return null;
            }
            int comp = Bytes.u8(b, p);
            if (p + 1 + comp > end) {
                return null;
            }
            p += 1 + comp;
        } else {
            if (end - p < 3) {
                return null;
            }
            h.ciphers.add(Bytes.u16(b, p));
            p += 3;
        }
        if (end - p < 2) {
            return h; // no extensions
        }
        int el = Bytes.u16(b, p);
        p += 2;
        int eend = Math.min(end, p + el);
        while (eend - p >= 4) {
            int type = Bytes.u16(b, p);
            int len = Bytes.u16(b, p + 2);
            int d = p + 4;
            if (d + len > eend) {
                return null;
            }
            if (h.extensions.size() < MAX_LIST) {
                h.extensions.add(type);
            }
            switch (type) {
                case 0 -> {
                    if (client && len >= 5 && Bytes.u8(b, d + 2) == 0) {
                        int nl = Bytes.u16(b, d + 3);
                        if (d + 5 + nl <= d + len) {
                            h.serverName = Bytes.latin1(b, d + 5, Math.min(nl, 255));
                        }
                    }
                }
                case 10 -> list16(b, d + 2, Math.min(d + len, d + 2 + (len >= 2 ? Bytes.u16(b, d) : 0)), h.groups);
                case 11 -> {
                    if (len >= 1) {
                        int n = Bytes.u8(b, d);
                        for (int i = 0; i < n && d + 1 + i < d + len; i++) {
                            h.pointFormats.add(Bytes.u8(b, d + 1 + i));
                        }
                    }
                }
                case 13 -> list16(b, d + 2, Math.min(d + len, d + 2 + (len >= 2 ? Bytes.u16(b, d) : 0)), h.signatureAlgorithms);
                case 16 -> {
                    int q = d + 2;
                    while (q < d + len && h.alpn.size() < 16) {
                        int l = Bytes.u8(b, q);
                        if (q + 1 + l > d + len) {
                            break;
                        }
                        h.alpn.add(Bytes.latin1(b, q + 1, l));
                        q += 1 + l;
                    }
                }
                case 43 -> {
                    if (client) {
                        if (len >= 1) {
                            list16(b, d + 1, Math.min(d + len, d + 1 + Bytes.u8(b, d)), h.supportedVersions);
                        }
                    } else if (len >= 2) {
                        h.selectedVersion = Bytes.u16(b, d);
                    }
                }
                case 51 -> {
                    if (!client && len >= 2) {
                        h.keyShareGroup = Bytes.u16(b, d);
                    }
                }
                default -> {
                }
            }
            p = d + len;
        }
        return h;
    }

    private static void list16(byte[] b, int p, int end, List<Integer> out) {
        for (int q = p; q + 1 < end && out.size() < MAX_LIST; q += 2) {
            out.add(Bytes.u16(b, q));
        }
    }

    private static String join(List<Integer> values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            if (TlsNames.grease(v)) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(v);
        }
        return sb.toString();
    }

    String ja3() {
        return Bytes.md5(legacyVersion + "," + join(ciphers) + "," + join(extensions) + "," + join(groups) + ","
                + join(pointFormats));
    }

    String ja3s() {
        return Bytes.md5(legacyVersion + "," + join(ciphers) + "," + join(extensions));
    }

    String ja4(char transport) {
        int version = legacyVersion;
        if (!supportedVersions.isEmpty()) {
            int max = 0;
            for (int v : supportedVersions) {
                if (!TlsNames.grease(v)) {
                    max = Math.max(max, v);
                }
            }
            if (max > 0) {
                version = max;
            }
        }
        String ver = switch (version) {
            case 0x0304 -> "13";
            case 0x0303 -> "12";
            case 0x0302 -> "11";
            case 0x0301 -> "10";
            case 0x0300 -> "s3";
            case 0x0002 -> "s2";
            default -> "00";
        };
        List<String> cs = new ArrayList<>();
        for (int c : ciphers) {
            if (!TlsNames.grease(c)) {
                cs.add(Bytes.hex4(c));
            }
        }
        List<String> ex = new ArrayList<>();
        int extCount = 0;
        for (int e : extensions) {
            if (TlsNames.grease(e)) {
                continue;
            }
            extCount++;
            if (e != 0 && e != 16) {
                ex.add(Bytes.hex4(e));
            }
        }
        String alpnPart = "00";
        if (!alpn.isEmpty() && !alpn.get(0).isEmpty()) {
            String a = alpn.get(0);
            char f = a.charAt(0);
            char l = a.charAt(a.length() - 1);
            if (Character.isLetterOrDigit(f) && f < 128 && Character.isLetterOrDigit(l) && l < 128) {
                alpnPart = "" + f + l;
            } else {
                String hex = Bytes.hex(a.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                alpnPart = "" + hex.charAt(0) + hex.charAt(hex.length() - 1);
            }
        }
        String a = "" + transport + ver + (serverName != null ? 'd' : 'i') + String.format("%02d", Math.min(99, cs.size()))
                + String.format("%02d", Math.min(99, extCount)) + alpnPart;
        java.util.Collections.sort(cs);
        java.util.Collections.sort(ex);
        String b = cs.isEmpty() ? "000000000000" : Bytes.sha256Prefix12(String.join(",", cs));
        String c;
        if (ex.isEmpty()) {
            c = "000000000000";
        } else {
            StringBuilder sb = new StringBuilder(String.join(",", ex));
            List<String> sigs = new ArrayList<>();
            for (int s : signatureAlgorithms) {
                if (!TlsNames.grease(s)) {
                    sigs.add(Bytes.hex4(s));
                }
            }
            if (!sigs.isEmpty()) {
                sb.append('_').append(String.join(",", sigs));
            }
            c = Bytes.sha256Prefix12(sb.toString());
        }
        return a + "_" + b + "_" + c;
    }
}
