package io.dscover.collect.cloud.findings;

import io.dscover.model.event.IpAddresses;

/**
 * Whether an address is public (reachable across the internet) or internal. Internal: RFC 1918,
 * carrier-grade NAT (100.64/10), loopback, link-local, unspecified, multicast, reserved, IPv6 ULA
 * and link-local. The documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32)
 * count as public: they stand for internet peers in provider examples and test data.
 */
public final class AddressScope {

    private AddressScope() {
    }

    /** Whether {@code ip} is a public address; false for null or unparsable text. */
    public static boolean isPublic(String ip) {
        byte[] a = IpAddresses.parse(ip);
        if (a == null) {
            return false;
        }
        if (a.length == 16) {
            if (isV4Mapped(a)) {
                return isPublicV4(a[12] & 0xff, a[13] & 0xff);
            }
            int first = a[0] & 0xff;
            int second = a[1] & 0xff;
            boolean allZeroButLast = true;
            for (int i = 0; i < 15; i++) {
                allZeroButLast &= a[i] == 0;
            }
            if (allZeroButLast) {
                return false; // :: and ::1
            }
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (first == 0xfe && (second & 0xc0) == 0x80) {
                return false; // fe80::/10 link-local
            }
            return first != 0xff; // ff00::/8 multicast
        }
        return isPublicV4(a[0] & 0xff, a[1] & 0xff);
    }

    private static boolean isPublicV4(int a, int b) {
        if (a == 10 || a == 127 || a == 0 || a >= 224) {
            return false;
        }
        if (a == 172 && b >= 16 && b <= 31) {
            return false;
        }
        if (a == 192 && b == 168) {
            return false;
        }
        if (a == 169 && b == 254) {
            return false;
        }
        return !(a == 100 && b >= 64 && b <= 127);
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
    }
}
