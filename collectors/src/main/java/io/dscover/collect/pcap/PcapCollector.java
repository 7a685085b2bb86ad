package io.dscover.collect.pcap;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputSample;
import io.dscover.collect.pcap.flow.FlowSettings;
import io.dscover.collect.pcap.read.CaptureReader;
import io.dscover.model.event.DataComponent;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Packet captures (pcap, pcapng; gzip'd or not) to {@code connection}, {@code flow} and content
 * events. Options: {@code pcap.tcp-timeout} (5m), {@code pcap.udp-timeout} (1m),
 * {@code pcap.icmp-timeout} (1m), {@code pcap.max-flows} (200000), {@code pcap.stream-cap}
 * (65536 bytes per direction), {@code pcap.verify-checksums} (false; true drops packets with bad
 * checksums like Zeek without -C), {@code pcap.content} (true; false gives flows only),
 * {@code pcap.reorder-window} (2s), {@code pcap.dissector-memory} (64 MiB: buffers of all dissectors together).
 */
public final class PcapCollector implements Collector {

    @Override
    public String name() {
        return "pcap";
    }

    @Override
    public String description() {
        return "packet captures (pcap, pcapng): connections, Zeek-style flows, DNS/HTTP/TLS/QUIC/SSH/ICMP/FTP/SMTP/RDP/SMB/DCE-RPC/Kerberos/NTLM/SNMP/TFTP content";
    }

    @Override
    public Set<String> eventTypes() {
        return new LinkedHashSet<>(List.of("connection", "flow", "dns", "http", "tls", "ssh", "icmp", "ftp", "smtp", "rdp",
                "smb", "ntlm", "dce_rpc", "kerberos", "snmp", "tftp", "weird"));
    }

    @Override
    public Set<DataComponent> components() {
        return EnumSet.allOf(DataComponent.class);
    }

    @Override
    public int probe(InputSample sample) {
        return CaptureReader.isCapture(sample.head()) ? 100 : 0;
    }

    @Override
    public EventSource open(Input input, CollectorContext context) throws IOException {
        CollectorOptions o = context.options();
        return new PcapEventSource(input.open(), input.displayName(), context.ledger(), settings(o),
                o.duration("pcap.reorder-window", 2_000_000_000L));
    }

    static FlowSettings settings(CollectorOptions o) {
        FlowSettings d = FlowSettings.defaults();
        return new FlowSettings(
                o.duration("pcap.tcp-timeout", d.tcpTimeout()),
                o.duration("pcap.udp-timeout", d.udpTimeout()),
                o.duration("pcap.icmp-timeout", d.icmpTimeout()),
                (int) Math.max(16, Math.min(50_000_000, o.integer("pcap.max-flows", d.maxFlows()))),
                (int) Math.max(0, Math.min(16 << 20, o.integer("pcap.stream-cap", d.streamCap()))),
                Boolean.parseBoolean(o.get("pcap.verify-checksums", "false")),
                Boolean.parseBoolean(o.get("pcap.content", "true")),
                Math.max(1L << 20, Math.min(8L << 30, o.integer("pcap.dissector-memory", d.dissectorMemory()))));
    }
}
