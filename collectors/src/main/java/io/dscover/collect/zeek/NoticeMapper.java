package io.dscover.collect.zeek;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.NoticeEvent;
import java.util.List;

/**
 * notice.log: one notice per row. Notices about a host rather than a connection (scans, password
 * guessing) have no {@code id.*}; their {@code src}, {@code dst} and {@code p} fill the 5-tuple then.
 * Those columns also stay extras, since they can name other hosts than the connection does.
 */
final class NoticeMapper extends LogMapper {

    private int note;
    private int msg;
    private int sub;
    private int actions;
    private int src;
    private int dst;
    private int p;

    NoticeMapper(String path) {
        super(path);
    }

    @Override
    void bindColumns() {
        note = claim("note");
        msg = claim("msg");
        sub = claim("sub");
        actions = claim("actions");
        src = columns().indexOf("src");
        dst = columns().indexOf("dst");
        p = columns().indexOf("p");
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        NoticeEvent e = flowEvidence(new NoticeEvent());
        e.setNoticeNote(r.symbol(note));
        e.setNoticeMsg(r.string(msg));
        e.setNoticeSub(r.string(sub));
        List<String> a = r.strings(actions);
        if (a != null) {
            e.setNoticeActions(a);
        }
        if (e.getSourceIp() == null && e.getDestinationIp() == null) {
            Address s = r.address(src);
            Address d = r.address(dst);
            if (s != null) {
                e.setSourceIp(s.text());
                e.setNetworkType(s.isV6() ? "ipv6" : "ipv4");
            }
            if (d != null) {
                e.setDestinationIp(d.text());
                if (s == null) {
                    e.setNetworkType(d.isV6() ? "ipv6" : "ipv4");
                }
            }
            long port = r.port(p);
            if (port != ABSENT && d != null) {
                e.setDestinationPort(port);
            }
        }
        extras(r, e);
        out.add(e);
    }
}
