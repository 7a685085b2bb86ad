package io.dscover.collect.pcap.proto;

import io.dscover.model.event.NtlmEvent;
import java.nio.charset.StandardCharsets;

/** Finds an NTLMSSP AUTHENTICATE message in a security blob and reads user, domain and workstation. */
final class Ntlm {

    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

    private Ntlm() {
    }

    /** The AUTHENTICATE message in {@code [off, off+len)} as an event (without outcome), or null. */
    static NtlmEvent authenticate(byte[] b, int off, int len) {
        int end = off + len;
        for (int p = off; p + 64 <= end; p++) {
            if (b[p] != 'N' || !java.util.Arrays.equals(b, p, p + 8, SIGNATURE, 0, 8)) {
                continue;
            }
            if (Bytes.u32le(b, p + 8) != 3) {
                return null;
            }
            long flags = Bytes.u32le(b, p + 60);
            boolean unicode = (flags & 1) != 0;
            NtlmEvent e = new NtlmEvent();
            String domain = field(b, p, end, p + 28, unicode);
            String user = field(b, p, end, p + 36, unicode);
            String host = field(b, p, end, p + 44, unicode);
            if (user != null && !user.isEmpty()) {
                e.setUserName(user);
            }
            if (domain != null && !domain.isEmpty()) {
                e.setUserDomain(domain);
            }
            if (host != null && !host.isEmpty()) {
                e.setNtlmHostname(host);
            }
            return e;
        }
        return null;
    }

    private static String field(byte[] b, int base, int end, int desc, boolean unicode) {
        int len = Bytes.u16le(b, desc);
        long off = Bytes.u32le(b, desc + 4);
        if (len == 0 || base + off + len > end || len > 512) {
            return null;
        }
        int start = (int) (base + off);
        return unicode ? new String(b, start, len & ~1, StandardCharsets.UTF_16LE) : Bytes.latin1(b, start, len);
    }
}
