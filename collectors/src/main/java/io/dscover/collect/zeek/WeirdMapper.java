package io.dscover.collect.zeek;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.WeirdEvent;
import java.util.List;

/** weird.log: one protocol anomaly per row. */
final class WeirdMapper extends LogMapper {

    private int name;
    private int addl;
    private int notice;

    WeirdMapper() {
        super("weird");
    }

    @Override
    void bindColumns() {
        name = claim("name");
        addl = claim("addl");
        notice = claim("notice");
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        WeirdEvent e = flowEvidence(new WeirdEvent());
        e.setWeirdName(r.symbol(name));
        e.setWeirdAddl(r.string(addl));
        e.setWeirdNotice(bool(r, notice));
        extras(r, e);
        out.add(e);
    }
}
