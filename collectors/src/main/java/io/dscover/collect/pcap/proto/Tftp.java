package io.dscover.collect.pcap.proto;

import io.dscover.model.event.TftpEvent;

/**
 * TFTP (RFC 1350) read and write requests: operation, file name, mode. The transfer itself runs
 * on a new port pair and is not followed.
 */
final class Tftp extends Analyzer {

    @Override
    public String name() {
        return "tftp";
    }

    @Override
    public void datagram(Session s, boolean fromOrig, byte[] b, int off, int len) {
        if (len < 4) {
            fail();
            return;
        }
        int op = Bytes.u16(b, off);
        if (op != 1 && op != 2 || !fromOrig) {
            if (op < 1 || op > 6) {
                fail();
            }
            return;
        }
        int p = off + 2;
        int end = off + len;
        int z = p;
        while (z < end && b[z] != 0) {
            z++;
        }
        if (z >= end || z == p) {
            s.malformed("malformed TFTP request", "file name not terminated");
            fail();
            return;
        }
        String file = Bytes.latin1(b, p, Math.min(z - p, 512));
        int m = z + 1;
        int mz = m;
        while (mz < end && b[mz] != 0) {
            mz++;
        }
        String mode = Bytes.latin1(b, m, Math.min(mz - m, 32)).toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("octet") && !mode.equals("netascii") && !mode.equals("mail")) {
            fail();
            return;
        }
        s.confirm("tftp");
        TftpEvent e = new TftpEvent();
        e.setTftpOperation(op == 1 ? "read" : "write");
        e.setFileName(file);
        e.setTftpMode(mode);
        s.emit(e);
    }
}
