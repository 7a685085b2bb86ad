package io.dscover.collect.pcap.proto;

import io.dscover.model.event.SshEvent;

/**
 * SSH: the version banners (lines before them, which servers may send, are skipped), each side's
 * KEXINIT (negotiated algorithms, HASSH fingerprints), the clear binary packets up to each side's
 * NEWKEYS, and then Zeek's inference of the authentication outcome from the sizes of the server's
 * encrypted segments (SSH_Analyzer::ProcessEncrypted): the first is the SERVICE_ACCEPT, a
 * USERAUTH_SUCCESS is 16 bytes shorter, failures repeat one size. One {@code ssh} event per
 * connection, when the login succeeded or when the connection ends.
 */
final class Ssh extends Analyzer {

    static final int MAX_BANNER = 255;
    static final int MAX_PRE_BANNER_LINES = 512;
    static final int MAX_KEXINIT = 32 * 1024;
    /** Largest clear binary packet accepted (RFC 4253 asks for 35,000; key exchange replies with big keys need more). */
    static final long MAX_CLEAR_PACKET = 256 * 1024;
    private static final int MSG_KEXINIT = 20;
    private static final int MSG_NEWKEYS = 21;
    /**
     * Encrypted server segments watched for the login outcome. An interactive session whose
     * outcome the sizes did not show is reported then, so long sessions are not followed to the end.
     */
    static final int MAX_ENCRYPTED_SEGMENTS = 512;

    private final Side client = new Side(true);
    private final Side server = new Side(false);
    private SshEvent event;
    private boolean emitted;
    // Zeek's authentication inference
    private boolean hadGap;
    private boolean authDecisionMade;
    private boolean skippedBanner;
    private boolean sawEncryptedClientData;
    private int serviceAcceptSize;
    private int userauthFailureSize;
    private long authAttempts;
    private Boolean authSuccess;
    private int encryptedSegments;

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        if (hadGap) {
            return;
        }
        int encrypted = (fromOrig ? client : server).feed(s, b, off, len);
        if (encrypted > 0 && !authDecisionMade && !s.partial()) {
            processEncrypted(s, encrypted, fromOrig);
        }
    }

    @Override
    public void gap(Session s, boolean fromOrig, long len) {
        // as Zeek: after a content gap nothing more is parsed, but what is known is still reported
        hadGap = true;
        if (event == null) {
            fail();
        }
    }

    @Override
    public void end(Session s) {
        if (!emitted && event != null) {
            emit(s);
        }
    }

    private void emit(Session s) {
        emitted = true;
        if (client.kex != null && server.kex != null) {
            negotiate();
        }
        event.setSshAuthAttempts(authAttempts);
        if (authSuccess != null) {
            event.setSshAuthSuccess(authSuccess);
        }
        s.emit(event);
        finish();
    }

    /** One encrypted segment (or the encrypted rest of the segment that carried NEWKEYS), as Zeek sees it. */
    private void processEncrypted(Session s, int len, boolean orig) {
        if (version() != 2) {
            return;
        }
        if (orig) {
            sawEncryptedClientData = true;
            return;
        }
        if (!sawEncryptedClientData) {
            return;
        }
        if (++encryptedSegments > MAX_ENCRYPTED_SEGMENTS && !emitted && event != null) {
            emit(s);
            return;
        }
        if (serviceAcceptSize == 0) {
            serviceAcceptSize = len;
            return;
        }
        if (userauthFailureSize == 0 && len + 16 == serviceAcceptSize) {
            authDecisionMade = true;
            authAttempted(s, true);
            return;
        }
        if (userauthFailureSize == 0) {
            if (!skippedBanner && len - serviceAcceptSize > 256) {
                skippedBanner = true; // a pre-authentication banner, not a USERAUTH_FAILURE
                return;
            }
            userauthFailureSize = len;
            return;
        }
        if (len == userauthFailureSize) {
            authAttempted(s, false);
            return;
        }
        if (len - serviceAcceptSize == -16) {
            authDecisionMade = true;
            authAttempted(s, true);
        }
    }

    /** Zeek's ssh_auth_attempted handler: the outcome counts unless a success was already seen or compression hides sizes. */
    private void authAttempted(Session s, boolean authenticated) {
        if (Boolean.TRUE.equals(authSuccess) || event == null || compressed()) {
            return;
        }
        authSuccess = authenticated;
        authAttempts++;
        if (authenticated && !emitted) {
            emit(s);
        }
    }

    private boolean compressed() {
        if (client.kex == null || server.kex == null) {
            return false;
        }
        String alg = first(client.kex[6], server.kex[6]);
        return "zlib".equals(alg) || "zlib@openssh.com".equals(alg);
    }

    /** The protocol version both banners agree on (Zeek's set_version): 2, 1, or 0 when unknown or mixed. */
    private int version() {
        if (event == null || event.getSshClient() == null || event.getSshServer() == null) {
            return 0;
        }
        String c = event.getSshClient();
        String sv = event.getSshServer();
        if (c.length() <= 4 || sv.length() <= 4) {
            return 0;
        }
        boolean c199 = c.startsWith("SSH-1.99");
        boolean s199 = sv.startsWith("SSH-1.99");
        char cv = c.charAt(4);
        char svv = sv.charAt(4);
        if (cv == '2' && svv == '2' || cv == '1' && svv == '2' && c199 || cv == '2' && svv == '1' && s199
                || c199 && s199) {
            return 2;
        }
        if (cv == '1' && svv == '1') {
            return 1;
        }
        return 0;
    }

    private void negotiate() {
        String[][] c = client.kex;
        String[][] sv = server.kex;
        event.setSshKex(first(c[0], sv[0]));
        event.setSshCipher(first(c[2], sv[2]));
        event.setSshMac(first(c[4], sv[4]));
    }

    private static String first(String[] client, String[] server) {
        for (String a : client) {
            for (String b : server) {
                if (a.equals(b)) {
                    return a;
                }
            }
        }
        return null;
    }

    private SshEvent event(Session s) {
        if (event == null) {
            event = new SshEvent();
            s.stampLocation(event);
        }
        return event;
    }

    private final class Side {
        final boolean isClient;
        final LineAssembler lines = new LineAssembler(MAX_BANNER);
        boolean banner;
        int preLines;
        final byte[] header = new byte[6];
        int headerLen;
        long skip;
        boolean newKeysPending;
        boolean encrypted;
        byte[] pkt;
        int pktLen;
        int pktWant;
        String[][] kex;
        boolean stopped;

        Side(boolean isClient) {
            this.isClient = isClient;
        }

        /**
         * Takes the next bytes of this direction; returns how many of them were encrypted (all
         * once NEWKEYS went by, the rest of the segment in the one that carried NEWKEYS).
         */
        int feed(Session s, byte[] b, int off, int len) {
            if (stopped) {
                return 0;
            }
            if (encrypted) {
                return len;
            }
            int p = off;
            int end = off + len;
            if (!banner) {
                p += lines.feed(Ssh.this, s, b, p, end - p, (lb, lo, ll, t) -> line(s, lb, lo, ll));
                if (!banner || failed() || stopped) {
                    return 0;
                }
            }
            while (p < end && !stopped) {
                if (skip > 0) {
                    int n = (int) Math.min(skip, end - p);
                    skip -= n;
                    p += n;
                    if (skip == 0 && newKeysPending) {
                        encrypted = true;
                        return end - p;
                    }
                    continue;
                }
                if (pkt != null) {
                    int n = Math.min(pktWant - pktLen, end - p);
                    System.arraycopy(b, p, pkt, pktLen, n);
                    pktLen += n;
                    p += n;
                    if (pktLen == pktWant) {
                        kexinit(s, pkt, pktLen);
                        release(s, pkt.length);
                        pkt = null;
                    }
                    continue;
                }
                int n = Math.min(6 - headerLen, end - p);
                System.arraycopy(b, p, header, headerLen, n);
                headerLen += n;
                p += n;
                if (headerLen < 6) {
                    break;
                }
                headerLen = 0;
                if (version() == 1) {
                    stopped = true; // SSH-1 packets are framed differently; only the banners are reported
                    break;
                }
                long plen = Bytes.u32(header, 0);
                int type = header[5] & 0xff;
                if (plen < 2 || plen > MAX_CLEAR_PACKET) {
                    s.malformed("malformed SSH packet", "packet length " + plen);
                    stopped = true;
                    break;
                }
                if (type == MSG_KEXINIT && kex == null) {
                    if (plen + 4 > MAX_KEXINIT) {
                        s.malformed("malformed SSH KEXINIT", "packet length " + plen);
                        stopped = true;
                        break;
                    }
                    pktWant = (int) plen + 4;
                    if (!reserve(s, pktWant)) {
                        stopped = true;
                        break;
                    }
                    pkt = new byte[pktWant];
                    System.arraycopy(header, 0, pkt, 0, 6);
                    pktLen = 6;
                    if (pktLen == pktWant) {
                        kexinit(s, pkt, pktLen);
                        release(s, pkt.length);
                        pkt = null;
                    }
                    continue;
                }
                skip = plen + 4 - 6;
                newKeysPending = type == MSG_NEWKEYS;
                if (skip == 0 && newKeysPending) {
                    encrypted = true;
                    return end - p;
                }
            }
            return 0;
        }

        private void kexinit(Session s, byte[] pkt, int pktLen) {
            int pad = pkt[4] & 0xff;
            int payload = 5;
            int payloadEnd = pktLen - pad;
            if (payloadEnd <= payload) {
                s.malformed("malformed SSH KEXINIT", "padding longer than the packet");
                return;
            }
            String[][] lists = new String[10][];
            int q = payload + 17;
            for (int i = 0; i < 10; i++) {
                if (q + 4 > payloadEnd) {
                    s.malformed("malformed SSH KEXINIT", "name-list " + i + " truncated");
                    return;
                }
                long l = Bytes.u32(pkt, q);
                if (q + 4 + l > payloadEnd) {
                    s.malformed("malformed SSH KEXINIT", "name-list " + i + " overruns the packet");
                    return;
                }
                String names = Bytes.latin1(pkt, q + 4, (int) l);
                lists[i] = names.isEmpty() ? new String[0] : names.split(",", 64);
                q += 4 + (int) l;
            }
            kex = lists;
            int enc = isClient ? 2 : 3;
            int mac = isClient ? 4 : 5;
            int comp = isClient ? 6 : 7;
            String h = String.join(",", lists[0]) + ";" + String.join(",", lists[enc]) + ";" + String.join(",", lists[mac])
                    + ";" + String.join(",", lists[comp]);
            SshEvent e = event(s);
            if (isClient) {
                e.setSshHassh(Bytes.md5(h));
            } else {
                e.setSshHasshServer(Bytes.md5(h));
            }
        }

        boolean line(Session s, byte[] b, int off, int len) {
            if (Bytes.startsWith(b, off, len, "SSH-")) {
                banner = true;
                String text = Bytes.latin1(b, off, len);
                SshEvent e = event(s);
                if (isClient) {
                    e.setSshClient(text);
                } else {
                    e.setSshServer(text);
                }
                if (text.startsWith("SSH-2.") || text.startsWith("SSH-1.99")) {
                    e.setSshVersion(2L);
                } else if (text.startsWith("SSH-1.")) {
                    e.setSshVersion(1L);
                }
                s.confirm("ssh");
                return false;
            }
            if (isClient || ++preLines > MAX_PRE_BANNER_LINES) {
                // this side does not speak SSH; the other side's banner may still be worth reporting
                stopped = true;
                if ((isClient ? server : client).stopped && event == null) {
                    fail();
                }
                return false;
            }
            return true;
        }
    }
}
