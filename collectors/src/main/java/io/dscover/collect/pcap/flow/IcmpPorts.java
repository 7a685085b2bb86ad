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
        if (proto == IpProtocols.ICMP) {
            return switch (type) {
                case 8 -> 0;
                case 0 -> 8;
                case 13 -> 14;
                case 14 -> 13;
                case 15 -> 16;
                case 16 -> 15;
                case 10 -> 9;
                case 9 -> 10;
                case 17 -> 18;
                case 18 -> 17;
                default -> code;
            };
        }
        return switch (type) {
            case 128 -> 129;
            case 129 -> 128;
            case 130 -> 131;
            case 131 -> 130;
            case 133 -> 134;
            case 134 -> 133;
            case 135 -> 136;
            case 136 -> 135;
            case 139 -> 140;
            case 140 -> 139;
            case 144 -> 145;
            case 145 -> 144;
            default -> code;
        };
    }
}
