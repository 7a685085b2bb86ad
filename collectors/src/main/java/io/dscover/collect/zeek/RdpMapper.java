package io.dscover.collect.zeek;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.RdpEvent;
import java.util.List;

/** rdp.log: one RDP connection request and negotiation per row. */
final class RdpMapper extends LogMapper {

    private int cookie;
    private int result;
    private int securityProtocol;
    private int keyboardLayout;
    private int clientBuild;
    private int clientName;

    RdpMapper() {
        super("rdp");
    }

    @Override
    void bindColumns() {
        cookie = claim("cookie");
        result = claim("result");
        securityProtocol = claim("security_protocol");
        keyboardLayout = claim("keyboard_layout");
        clientBuild = claim("client_build");
        clientName = claim("client_name");
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        return "tcp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        RdpEvent e = flowEvidence(new RdpEvent());
        e.setRdpCookie(r.string(cookie));
        e.setRdpResult(r.symbol(result));
        e.setRdpSecurityProtocol(r.symbol(securityProtocol));
        e.setRdpKeyboardLayout(r.symbol(keyboardLayout));
        e.setRdpClientBuild(r.symbol(clientBuild));
        e.setRdpClientName(r.string(clientName));
        extras(r, e);
        out.add(e);
    }
}
