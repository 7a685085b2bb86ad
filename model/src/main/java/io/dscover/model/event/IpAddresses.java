package io.dscover.model.event;

/**
 * Parses and formats IPv4 and IPv6 address literals without ever touching DNS (unlike
 * {@link java.net.InetAddress#getByName}), and gives the canonical text events carry:
 * dotted quad for IPv4 and RFC 5952 for IPv6.
 */
public final class IpAddresses {

    private IpAddresses() {
    }

    /** The address bytes (4 or 16), or {@code null} when the text is not an address literal. */
    public static byte[] parse(CharSequence text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        if (n == 0 || n > 45) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) == ':') {
                return parseV6(text, 0, n);
            }
        }
        byte[] out = new byte[4];
        return parseV4(text, 0, n, out, 0) ? out : null;
    }

    /** Canonical text of an address literal (a zone suffix like {@code %eth0} is dropped), or {@code null}. */
    public static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        // brackets first: the zone sits inside them ("[fe80::1%eth0]")
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        byte[] b = parse(t);
        return b == null ? null : format(b);
    }

    public static boolean isAddress(CharSequence text) {
        return parse(text) != null;
    }

    private static boolean parseV4(CharSequence t, int from, int to, byte[] out, int at) {
        int octet = 0;
        int digits = 0;
        int part = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c == '.') {
                if (digits == 0 || part == 3) {
                    return false;
                }
                out[at + part++] = (byte) octet;
                octet = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && octet == 0) {
                    return false; // leading zeros are ambiguous (octal in some parsers): reject
                }
                octet = octet * 10 + (c - '0');
                if (++digits > 3 || octet > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        if (digits == 0 || part != 3) {
            return false;
        }
        out[at + 3] = (byte) octet;
        return true;
    }

    private static byte[] parseV6(CharSequence t, int from, int to) {
        byte[] out = new byte[16];
        int groups = 0;
        int doubleColonAt = -1;
        int i = from;
        if (to - from >= 2 && t.charAt(i) == ':') {
            if (t.charAt(i + 1) != ':') {
                return null;
            }
            doubleColonAt = 0;
            i += 2;
            if (i == to) {
                return out;
            }
        }
        while (i < to) {
            if (groups == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            while (i < to && hex(t.charAt(i)) >= 0) {
                value = (value << 4) | hex(t.charAt(i));
                i++;
                if (i - start > 4) {
                    return null;
                }
            }
            if (i < to && t.charAt(i) == '.') {
                // embedded IPv4 in the last 32 bits
                if (groups > 6 || !parseV4(t, start, to, out, groups * 2)) {
                    return null;
                }
                groups += 2;
                i = to;
                break;
            }
            if (i == start) {
                return null;
            }
            out[groups * 2] = (byte) (value >>> 8);
            out[groups * 2 + 1] = (byte) value;
            groups++;
            if (i == to) {
                break;
            }
            if (t.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < to && t.charAt(i) == ':') {
                if (doubleColonAt >= 0) {
                    return null;
                }
                doubleColonAt = groups;
                i++;
                if (i == to) {
                    break;
                }
            } else if (i == to) {
                return null; // trailing single colon
            }
        }
        if (doubleColonAt >= 0) {
            if (groups == 8) {
                return null;
            }
            int tail = groups - doubleColonAt;
            System.arraycopy(out, doubleColonAt * 2, out, 16 - tail * 2, tail * 2);
            for (int k = doubleColonAt * 2; k < 16 - tail * 2; k++) {
                out[k] = 0;
            }
        } else if (groups != 8) {
            return null;
        }
        return out;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Canonical text of 4 or 16 address bytes. */
    public static String format(byte[] a) {
        return format(a, 0, a.length);
    }

    /** Canonical text of the 4 or 16 address bytes at {@code off} (e.g. straight from a packet buffer). */
    public static String format(byte[] a, int off, int len) {
        if (len == 4) {
            return formatV4(a, off);
        }
        if (len != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + len);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((a[off + 2 * i] & 0xff) << 8) | (a[off + 2 * i + 1] & 0xff);
        }
        // IPv4-mapped ::ffff:a.b.c.d is written with its dotted quad (RFC 5952 section 5)
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:" + formatV4(a, off + 12);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] == 0) {
                int j = i;
                while (j < 8 && g[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    private static String formatV4(byte[] a, int off) {
        StringBuilder sb = new StringBuilder(15);
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(a[off + i] & 0xff);
        }
        return sb.toString();
    }
}
