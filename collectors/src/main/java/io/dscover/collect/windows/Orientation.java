package io.dscover.collect.windows;

import io.dscover.model.event.ConnectionEvent;
import io.dscover.model.event.IpAddresses;

/**
 * Puts the originator of an inbound connection in {@code source.*}, as the event schema wants.
 * Windows is not consistent about it: for an inbound connection Sysmon (older versions, and UDP in
 * newer ones) and some Filtering Platform records put the local listener in Source*, while newer
 * Sysmon TCP records and most 5156/5157 records put the remote initiator there. The event does not
 * say which addresses are local, so the listener is recognised, in this order, by an address no
 * packet comes from (multicast, or an IPv4 address ending in .255 facing one that does not), then
 * by its port: the other side's port is in the dynamic range (49152-65535, where Windows picks
 * client ports) and this one is not; only this port is a well-known one (below 1024); only this
 * port has a service name (Sysmon's *PortName). When none decides, the record's order is kept. When the sides are
 * swapped, the logged values stay visible as {@code winlog.event_data.*} extras.
 */
final class Orientation {

    private static final int DYNAMIC_PORTS = 49152;
    private static final int WELL_KNOWN_PORTS = 1024;

    private Orientation() {
    }

    /**
     * For an inbound record as logged (source = Source*, destination = Dest*): swaps the sides when
     * Source* is recognisably the listener.
     */
    static void inbound(ConnectionEvent e, boolean sourceHasServiceName, boolean destinationHasServiceName,
            String sourceIpName, String sourcePortName, String destinationIpName, String destinationPortName) {
        if (e.getSourcePort() == null || e.getDestinationPort() == null) {
            return;
        }
        long s = e.getSourcePort();
        long d = e.getDestinationPort();
        int sourceGroup = groupAddress(e.getSourceIp());
        int destinationGroup = groupAddress(e.getDestinationIp());
        boolean swap = sourceGroup != destinationGroup ? sourceGroup > destinationGroup
                : sourceIsListener(s, d, sourceHasServiceName, destinationHasServiceName);
        if (!swap) {
            return;
        }
        e.putExtra("winlog.event_data." + sourceIpName, e.getSourceIp());
        e.putExtra("winlog.event_data." + sourcePortName, s);
        e.putExtra("winlog.event_data." + destinationIpName, e.getDestinationIp());
        e.putExtra("winlog.event_data." + destinationPortName, d);
        String ip = e.getSourceIp();
        e.setSourceIp(e.getDestinationIp());
        e.setDestinationIp(ip);
        e.setSourcePort(d);
        e.setDestinationPort(s);
        String host = e.getSourceHostname();
        e.setSourceHostname(e.getDestinationHostname());
        e.setDestinationHostname(host);
    }

    /** 2: multicast or limited broadcast (never a sender); 1: IPv4 ending in .255 (likely broadcast); 0: other. */
    static int groupAddress(String ip) {
        byte[] a = ip == null ? null : IpAddresses.parse(ip);
        if (a == null) {
            return 0;
        }
        if (a.length == 4) {
            int first = a[0] & 0xff;
            if (first >= 224 && first <= 239 || (a[0] & a[1] & a[2] & a[3]) == (byte) 0xff) {
                return 2;
            }
            return (a[3] & 0xff) == 255 ? 1 : 0;
        }
        return (a[0] & 0xff) == 0xff ? 2 : 0;
    }

    static boolean sourceIsListener(long s, long d, boolean sourceNamed, boolean destinationNamed) {
        boolean sDynamic = s >= DYNAMIC_PORTS;
        boolean dDynamic = d >= DYNAMIC_PORTS;
        if (sDynamic != dDynamic) {
            return dDynamic;
        }
        boolean sWellKnown = s < WELL_KNOWN_PORTS;
        boolean dWellKnown = d < WELL_KNOWN_PORTS;
        if (sWellKnown != dWellKnown) {
            return sWellKnown;
        }
        if (sourceNamed != destinationNamed) {
            return sourceNamed;
        }
        return false;
    }
}
