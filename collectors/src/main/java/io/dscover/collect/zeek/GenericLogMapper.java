package io.dscover.collect.zeek;

import io.dscover.model.event.LogEvent;
import io.dscover.model.event.NetworkEvent;
import java.util.List;

/**
 * Any log without a dedicated event type (files, x509, tunnel, software, known_*, a site's own
 * logs): a {@code log} event with the connection columns the log has and every other column as an
 * extra field. tunnel.log rows get their transport from the tunnel type.
 */
final class GenericLogMapper extends LogMapper {

    private int tunnelType = -1;

    GenericLogMapper(String path) {
        super(path);
    }

    @Override
    void bindColumns() {
        if (path().equals("tunnel")) {
            tunnelType = columns().indexOf("tunnel_type");
        }
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        if (tunnelType < 0) {
            return null;
        }
        String t = r.symbol(tunnelType);
        if (t == null) {
            return null;
        }
        return switch (t) {
            case "Tunnel::GRE" -> "gre";
            case "Tunnel::TEREDO", "Tunnel::VXLAN", "Tunnel::AYIYA", "Tunnel::GTPv1", "Tunnel::GENEVE" -> "udp";
            default -> null; // IP-in-IP, SOCKS, HTTP CONNECT: not one transport
        };
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        LogEvent e = shared(new LogEvent());
        extras(r, e);
        out.add(e);
    }
}
