package io.dscover.collect.pcap.flow;

import io.dscover.model.event.IpProtocols;

/**
 * ICMP "ports" as Zeek (and Community ID) define them: the source port is the type, the
 * destination port the type of the matching reply (so request and reply share one flow), or the
 * code for one-way messages.
 */
final class IcmpPorts {

    private IcmpPorts() {
    }

    static int counterpart(int proto, int type, int code) {
        int reply = IpProtocols.icmpCounterpart(proto, type);
        return reply >= 0 ? reply : code;
    }
}
