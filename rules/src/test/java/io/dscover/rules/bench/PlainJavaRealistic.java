package io.dscover.rules.bench;

import io.dscover.model.event.FlowEvent;
import io.dscover.rules.alert.Alert;
import io.dscover.rules.alert.AlertKind;
import io.dscover.rules.alert.Evidence;
import io.dscover.rules.alert.FlowTuple;
import io.dscover.rules.beacon.BeaconHit;
import io.dscover.rules.beacon.BeaconTracker;
import io.dscover.rules.sequence.SequenceHit;
import io.dscover.rules.sequence.SequenceTracker;
import io.dscover.rules.state.GroupTable;
import io.dscover.rules.window.AggregateHit;
import io.dscover.rules.window.AggregateWindow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The physical limit of this design: the realistic rule set's predicates written as Java {@code if}s
 * that call the same state machines directly, single-threaded, no Drools. Alerts are built for
 * per-event matches the way the engine builds them, so both sides do the same work but matching.
 */
final class PlainJavaRealistic {

    private final AggregateWindow portScan = new AggregateWindow(RealisticRules.PORT_SCAN, GroupTable.DEFAULT_CAPACITY);
    private final AggregateWindow hostSweep = new AggregateWindow(RealisticRules.HOST_SWEEP, GroupTable.DEFAULT_CAPACITY);
    private final AggregateWindow dnsTunnel = new AggregateWindow(RealisticRules.DNS_TUNNEL, GroupTable.DEFAULT_CAPACITY);
    private final AggregateWindow exfil = new AggregateWindow(RealisticRules.EXFIL, GroupTable.DEFAULT_CAPACITY);
    private final AggregateWindow rejected = new AggregateWindow(RealisticRules.REJECTED_BURST, GroupTable.DEFAULT_CAPACITY);
    private final BeaconTracker beacon = new BeaconTracker(RealisticRules.BEACON, GroupTable.DEFAULT_CAPACITY);
    private final SequenceTracker smbRpc = new SequenceTracker(RealisticRules.SMB_THEN_RPC, GroupTable.DEFAULT_CAPACITY);
    private final Map<String, Long> alerts = new TreeMap<>();
    private final Map<String, io.dscover.rules.alert.RuleInfo> infos = new java.util.HashMap<>();
    private long now = Long.MIN_VALUE;
    private long sink;

    Map<String, Long> alerts() {
        return alerts;
    }

    void accept(FlowEvent e) {
        now = Math.max(now, e.getTs());
        Long dport = e.getDestinationPort();
        long p = dport == null ? -1 : dport;
        String transport = e.getNetworkTransport();
        String state = e.getFlowState();
        String src = e.getSourceIp();
        String dst = e.getDestinationIp();
        Long bytes = e.getSourceBytes();
        boolean tcp = "tcp".equals(transport);
        boolean udp = "udp".equals(transport);
        boolean sf = "SF".equals(state);
        boolean externalDst = dst != null && !dst.startsWith("10.");

        if ((p == 23 || p == 2323) && tcp) {
            match("telnet_out", e);
        }
        if (p == 445 && externalDst) {
            match("smb_to_internet", e);
        }
        if (p == 3389 && src != null && !src.startsWith("10.")) {
            match("rdp_from_internet", e);
        }
        if ((p == 6667 || p == 6697) && tcp) {
            match("irc", e);
        }
        if (p == 9001 || p == 9030 || p == 9050) {
            match("tor_ports", e);
        }
        if (bytes != null && bytes > 100_000_000) {
            match("large_upload", e);
        }
        if (p == 21 && tcp && sf) {
            match("ftp_cleartext", e);
        }
        if (p == 25 && !"10.0.1.25".equals(src) && !"10.0.1.26".equals(src) && sf) {
            match("smtp_not_from_mail_server", e);
        }
        if (p == 53 && tcp && bytes != null && bytes > 10_000) {
            match("dns_over_tcp_large", e);
        }
        if ((p == 389 || p == 636) && externalDst) {
            match("ldap_to_internet", e);
        }
        if (dst != null && (dst.equals("198.51.100.13") || dst.equals("198.51.100.77") || dst.equals("203.0.113.5")
                || dst.equals("203.0.113.99") || dst.equals("192.0.2.200") || dst.equals("45.33.32.156")
                || dst.equals("185.220.101.1") || dst.equals("185.220.101.2") || dst.equals("91.219.236.18")
                || dst.equals("5.188.206.14"))) {
            match("known_bad_destination", e);
        }
        if (dport != null && p > 49151 && tcp && sf && bytes != null && bytes > 1_000_000) {
            match("big_transfer_high_port", e);
        }
        if (p == 22 && externalDst && bytes != null && bytes > 50_000_000) {
            match("ssh_out_large", e);
        }
        if ((p == 5900 || p == 5901) && sf) {
            match("vnc", e);
        }
        if (p == 5985 || p == 5986) {
            match("winrm", e);
        }
        if (p == 1433 && externalDst) {
            match("mssql_to_internet", e);
        }
        if ((p == 161 || p == 162) && udp) {
            match("snmp", e);
        }
        if (p == 69 && udp) {
            match("tftp", e);
        }
        if ((p == 137 || p == 138 || p == 139) && externalDst) {
            match("netbios_to_internet", e);
        }
        if (p == 123 && udp && bytes != null && bytes > 100_000) {
            match("long_lived_ntp", e);
        }
        if ("S0".equals(state) || "REJ".equals(state) || "RSTR".equals(state) || "RSTOS0".equals(state)) {
            hit("port_scan", portScan.add(e, new Object[] {src, dst}, dport, now));
        }
        if ("S0".equals(state) || "REJ".equals(state)) {
            hit("host_sweep", hostSweep.add(e, new Object[] {src, dport}, dst, now));
        }
        if (p == 53) {
            hit("dns_tunnel_volume", dnsTunnel.add(e, new Object[] {src, dst}, bytes, now));
        }
        if (externalDst) {
            hit("exfil_volume", exfil.add(e, new Object[] {src}, bytes, now));
        }
        if ("REJ".equals(state)) {
            hit("rejected_burst", rejected.add(e, new Object[] {src}, null, now));
        }
        if ((p == 443 || p == 80) && sf && externalDst) {
            BeaconHit h = beacon.observe(e, new Object[] {src, dst}, now);
            if (h != null) {
                count(h.strobe() ? "beaconing(strobe)" : "beaconing");
            }
        }
        if (p == 135 && sf) {
            SequenceHit h = smbRpc.step(1, e, new Object[] {src, dst}, now);
            if (h != null) {
                count("smb_then_rpc");
            }
        }
        if (p == 445 && sf) {
            smbRpc.step(0, e, new Object[] {src, dst}, now);
        }
    }

    void finish() {
        for (BeaconHit h : beacon.finish()) {
            count(h.strobe() ? "beaconing(strobe)" : "beaconing");
        }
    }

    private void match(String rule, FlowEvent e) {
        Alert a = new Alert(e.getTs(), e.getTsPrecision(), infos.computeIfAbsent(rule, r -> RealisticRules.info(r, null)), AlertKind.MATCH,
                e.getEventComponent(), null, null, null, null, null, FlowTuple.of(e), List.of(Evidence.of(e)), null);
        sink += a.tsNanos();
        count(rule);
    }

    private void hit(String rule, AggregateHit h) {
        if (h != null) {
            count(rule);
        }
    }

    private void count(String rule) {
        alerts.merge(rule, 1L, Long::sum);
    }

    long sink() {
        return sink;
    }
}
