package io.dscover.collect.zeek;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.TftpEvent;
import java.util.List;

/** tftp.log (Zeek 6.1+): one read or write request per row. */
final class TftpMapper extends LogMapper {

    private int wrq;
    private int fname;
    private int mode;

    TftpMapper() {
        super("tftp");
    }

    @Override
    void bindColumns() {
        wrq = claim("wrq");
        fname = claim("fname");
        mode = claim("mode");
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        return "udp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        TftpEvent e = flowEvidence(new TftpEvent());
        int w = r.bool(wrq);
        if (w >= 0) {
            e.setTftpOperation(w == 1 ? "write" : "read");
        }
        e.setFileName(r.string(fname));
        e.setTftpMode(r.symbol(mode));
        extras(r, e);
        out.add(e);
    }
}
