package io.dscover.collect.pcap.flow;

import io.dscover.collect.InputLedger;
import io.dscover.model.event.IpAddresses;
import io.dscover.model.event.WeirdEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IPv4-to-hardware address bindings that ARP announces, per broadcast domain (VLAN, and the
 * tunnel an inner Ethernet frame came through). ARP cache poisoning (T1557.002) shows as an address
 * whose hardware address changes, so a sender claiming an address last seen at another hardware
 * address gives a {@code weird} event named {@value #BINDING_CHANGED} (arpwatch's "changed ethernet
 * address"; Zeek has no such weird). Every ARP request and reply is counted in the ledger as a
 * skipped non-IP packet, as before. Bounded: the most recently used {@value #MAX_BINDINGS} bindings
 * are kept, and past {@value #MAX_EVENTS} changes further ones are only counted.
 */
final class ArpWatch {

    static final String BINDING_CHANGED = "arp_binding_changed";
    static final int MAX_BINDINGS = 65_536;
    static final int MAX_EVENTS = 10_000;
    private static final int ARP_LENGTH = 28;

    /** One IPv4 address in one broadcast domain; {@code tunnel} is null outside tunnels. */
    private record Binding(String tunnel, int vlan, int address) {
    }

    private final Map<Binding, Long> bindings = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Binding, Long> eldest) {
            return size() > MAX_BINDINGS;
        }
    };
    private final InputLedger ledger;
    private int events;

    ArpWatch(InputLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * One ARP packet from {@code p} to {@code end}, seen on {@code vlan} (-1: untagged) inside
     * {@code tunnel} (null: none); returns the weird event when it moves an address to another
     * hardware address, else null.
     */
    WeirdEvent packet(byte[] b, int p, int end, int vlan, String tunnel, String location) {
        if (end - p < ARP_LENGTH) {
            ledger.reject(location, "malformed packet", "ARP packet truncated: " + (end - p) + " bytes");
            return null;
        }
        int htype = ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
        int ptype = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        int op = ((b[p + 6] & 0xff) << 8) | (b[p + 7] & 0xff);
        if (htype != 1 || ptype != 0x0800 || b[p + 4] != 6 || b[p + 5] != 4 || op != 1 && op != 2) {
            ledger.skip("not IP: ARP other than Ethernet/IPv4 request or reply");
            return null;
        }
        ledger.skip(op == 1 ? "not IP: ARP request" : "not IP: ARP reply");
        long sha = mac48(b, p + 8);
        int spa = ((b[p + 14] & 0xff) << 24) | ((b[p + 15] & 0xff) << 16) | ((b[p + 16] & 0xff) << 8) | (b[p + 17] & 0xff);
        if (spa == 0) {
            return null; // an address probe (RFC 5227) claims nothing
        }
        Long before = bindings.put(new Binding(tunnel, vlan, spa), sha);
        if (before == null || before == sha) {
            return null;
        }
        if (events >= MAX_EVENTS) {
            ledger.skip("ARP binding changes past " + MAX_EVENTS + " (no more weird events)");
            return null;
        }
        events++;
        WeirdEvent e = new WeirdEvent();
        String ip = IpAddresses.format(b, p + 14, 4);
        e.setSourceIp(ip);
        e.setDestinationIp(IpAddresses.format(b, p + 24, 4));
        e.setNetworkType("ipv4");
        if (vlan >= 0) {
            e.setNetworkVlanId(vlan);
        }
        e.setWeirdName(BINDING_CHANGED);
        e.setWeirdAddl(ip + " moved from " + mac(before) + " to " + mac(sha) + (op == 2 ? " (reply)" : " (request)"));
        return e;
    }

    private static long mac48(byte[] b, int p) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b[p + i] & 0xff);
        }
        return v;
    }

    static String mac(long v) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 5; i >= 0; i--) {
            int octet = (int) (v >>> (8 * i)) & 0xff;
            sb.append(Character.forDigit(octet >> 4, 16)).append(Character.forDigit(octet & 0xf, 16));
            if (i > 0) {
                sb.append(':');
            }
        }
        return sb.toString();
    }
}
