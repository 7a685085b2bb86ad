package io.dscover.collect.zeek;

import io.dscover.model.event.CommunityId;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.IpProtocols;
import io.dscover.model.event.NetworkEvent;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the rows of one Zeek log (one {@code #path}) into events. A mapper is bound to the columns
 * of the input it reads: it claims the columns it maps to schema fields, and every other column a
 * row has becomes an extra field {@code zeek.<column>} on the row's main event, so nothing the log
 * says is dropped. Subclasses bind their columns in {@link #bindColumns} and build events in
 * {@link #map}; the connection columns every log shares are handled here.
 *
 * <p>Events from Zeek logs are evidence of Network Traffic Flow: Zeek summarises traffic, it does
 * not hand over packets. The one exception is {@code connection} (from conn.log), which can only be
 * evidence of Network Connection Creation.
 */
abstract class LogMapper {

    /** How the row's time could be read. */
    enum TimeStatus { OK, MASKED, NO_COLUMN, UNSET, BAD }

    static final long ABSENT = ZeekNumbers.ABSENT;

    private final String path;
    private final String dataset;
    private Columns columns;
    private boolean[] claimed = new boolean[0];
    private ZeekType[] types = new ZeekType[0];

    // the connection columns every log may have
    private int ts = -1;
    private int uid = -1;
    private int origH = -1;
    private int origP = -1;
    private int respH = -1;
    private int respP = -1;
    private int proto = -1;
    private int ipProto = -1;
    private int communityId = -1;
    private int systemName = -1;

    // the current row's shared values, read once per row and applied to each of its events
    private long rowTs;
    private TimeStatus rowTimeStatus;
    private String rowUid;
    private Address rowSource;
    private long rowSourcePort;
    private Address rowDestination;
    private long rowDestinationPort;
    private String rowTransport;
    private String rowCommunityId;
    private String rowHost;
    private String rowInput;
    // boxed once per row: every event of the row shares them (the model's fields are Longs)
    private Long rowLine;
    private Long rowOffset;
    private Long rowSourcePortBoxed;
    private Long rowDestinationPortBoxed;

    LogMapper(String path) {
        this.path = path;
        this.dataset = "zeek." + path;
    }

    final String path() {
        return path;
    }

    /** Binds to an input's columns: the shared connection columns, then the subclass's. */
    final void bind(Columns c) {
        this.columns = c;
        this.claimed = new boolean[Math.max(16, c.size())];
        ts = claim("ts");
        uid = claim("uid");
        origH = claim("id.orig_h");
        origP = claim("id.orig_p");
        respH = claim("id.resp_h");
        respP = claim("id.resp_p");
        communityId = claim("community_id");
        systemName = claim("_system_name");
        claim("_path");
        claim("_write_ts");
        if (claimsProto()) {
            proto = claim("proto");
        }
        ipProto = claim("ip_proto");
        bindColumns();
    }

    /** Whether {@code proto} is the transport (conn, dns, notice); elsewhere it may mean something else. */
    boolean claimsProto() {
        return true;
    }

    /** Claims the subclass's columns with {@link #claim}. */
    abstract void bindColumns();

    /** Builds the row's events into {@code out}; {@link #readShared} has run for this row. */
    abstract void map(ZeekRecord r, List<NetworkEvent> out);

    /** Index of a column this mapper maps to a schema field (-1 when the log does not have it). */
    final int claim(String name) {
        int i = columns.indexOf(name);
        if (i >= 0) {
            if (i >= claimed.length) {
                claimed = Arrays.copyOf(claimed, Math.max(i + 1, claimed.length * 2));
            }
            claimed[i] = true;
        }
        return i;
    }

    final Columns columns() {
        return columns;
    }

    /** Reads the shared columns of a row; returns how its time could be read. */
    final TimeStatus readShared(ZeekRecord r, String input, long line, long offset) {
        rowInput = input;
        rowLine = line;
        rowOffset = offset;
        if (ts < 0) {
            rowTs = 0;
            rowTimeStatus = TimeStatus.NO_COLUMN;
        } else {
            long t = r.time(ts);
            if (t == ZeekRecord.MASKED) {
                rowTs = 0;
                rowTimeStatus = TimeStatus.MASKED;
            } else if (t == ABSENT) {
                rowTs = 0;
                rowTimeStatus = r.present(ts) ? TimeStatus.BAD : TimeStatus.UNSET;
            } else {
                rowTs = t;
                rowTimeStatus = TimeStatus.OK;
            }
        }
        rowUid = r.string(uid);
        rowSource = r.address(origH);
        rowSourcePort = r.port(origP);
        rowDestination = r.address(respH);
        rowDestinationPort = r.port(respP);
        rowSourcePortBoxed = boxed(rowSourcePort);
        rowDestinationPortBoxed = boxed(rowDestinationPort);
        rowHost = r.string(systemName);
        rowTransport = transport(r);
        String cid = r.string(communityId);
        if (cid == null && rowSource != null && rowDestination != null && rowTransport != null) {
            cid = communityId(rowSource, rowSourcePort, rowDestination, rowDestinationPort, protocolNumber(rowTransport));
        }
        rowCommunityId = cid;
        return rowTimeStatus;
    }

    private String transport(ZeekRecord r) {
        if (ipProto >= 0) {
            long n = r.count(ipProto);
            if (n >= 0 && n <= 255) {
                return IpProtocols.name((int) n);
            }
        }
        String p = proto >= 0 ? r.symbol(proto) : null;
        if (p != null) {
            switch (p) {
                case "tcp", "udp" -> {
                    return p;
                }
                case "icmp" -> {
                    // Zeek logs ICMPv6 as proto icmp too; the address family tells them apart
                    Address a = rowSource != null ? rowSource : rowDestination;
                    return a != null && a.isV6() ? "ipv6-icmp" : "icmp";
                }
                default -> {
                    return null; // unknown_transport: the IP protocol is not in the log
                }
            }
        }
        return defaultTransport(r);
    }

    /**
     * The transport of a log without a {@code proto} column, where Zeek's analyzer for the log only
     * runs over one transport (HTTP, SSH, SMB over TCP; SNMP, TFTP over UDP); {@code null} otherwise.
     */
    String defaultTransport(ZeekRecord r) {
        return null;
    }

    /** The IP protocol number of a transport name; the common ones without a table search. */
    private static int protocolNumber(String transport) {
        return switch (transport) {
            case "tcp" -> IpProtocols.TCP;
            case "udp" -> IpProtocols.UDP;
            case "icmp" -> IpProtocols.ICMP;
            case "ipv6-icmp" -> IpProtocols.ICMPV6;
            default -> IpProtocols.number(transport);
        };
    }

    private static String communityId(Address src, long sport, Address dst, long dport, int protocol) {
        if (protocol < 0 || src.bytes().length != dst.bytes().length) {
            return null;
        }
        boolean ports = protocol == IpProtocols.TCP || protocol == IpProtocols.UDP || protocol == IpProtocols.SCTP
                || protocol == IpProtocols.ICMP || protocol == IpProtocols.ICMPV6;
        if (ports && (sport == ABSENT || dport == ABSENT)) {
            return null;
        }
        return CommunityId.compute(0, src.bytes(), dst.bytes(), protocol, ports ? (int) sport : 0, ports ? (int) dport : 0);
    }

    /** Applies the row's shared values (time, provenance, 5-tuple, uid, community id) to an event. */
    final <E extends NetworkEvent> E shared(E e) {
        e.setTs(rowTs, 6);
        e.setEventProvider("zeek");
        e.setEventDataset(dataset);
        e.setLogFilePath(rowInput);
        e.setLogRecord(rowLine);
        e.setLogOffset(rowOffset);
        e.setConnectionUid(rowUid);
        if (rowSource != null) {
            e.setSourceIp(rowSource.text());
            e.setNetworkType(rowSource.isV6() ? "ipv6" : "ipv4");
        }
        e.setSourcePort(rowSourcePortBoxed);
        if (rowDestination != null) {
            e.setDestinationIp(rowDestination.text());
            if (rowSource == null) {
                e.setNetworkType(rowDestination.isV6() ? "ipv6" : "ipv4");
            }
        }
        e.setDestinationPort(rowDestinationPortBoxed);
        e.setNetworkTransport(rowTransport);
        e.setNetworkCommunityId(rowCommunityId);
        e.setHostName(rowHost);
        return e;
    }

    /** {@link #shared} for event types that can be Content or Flow: from Zeek they are Flow. */
    final <E extends NetworkEvent> E flowEvidence(E e) {
        if (e.component() != DataComponent.TRAFFIC_FLOW) {
            e.setComponent(DataComponent.TRAFFIC_FLOW);
        }
        return shared(e);
    }

    final Address rowSource() {
        return rowSource;
    }

    final Address rowDestination() {
        return rowDestination;
    }

    /** Puts every present, unclaimed column of the row on the event as {@code zeek.<column>}. */
    final void extras(ZeekRecord r, NetworkEvent e) {
        int n = r.columnCount();
        for (int i = 0; i < n; i++) {
            int col = r.columnAt(i);
            if ((col < claimed.length && claimed[col]) || !r.present(col)) {
                continue;
            }
            Object v = r.value(col, type(col));
            if (v != null) {
                e.putExtra(columns.extraName(col), v);
            }
        }
    }

    /** Marks a column whose type is known to be unknown (JSON of a column no catalog lists). */
    private static final ZeekType UNTYPED = new ZeekType(ZeekType.Kind.STRING, ZeekType.Kind.STRING);

    /** The column's Zeek type: from #types, else the catalog, else {@code null} (the JSON value's own form decides). */
    private ZeekType type(int col) {
        if (col >= types.length) {
            types = Arrays.copyOf(types, Math.max(col + 1, types.length * 2));
        }
        ZeekType t = types[col];
        if (t == null) {
            t = columns.declaredType(col);
            if (t == null) {
                t = ColumnTypes.lookup(path, columns.name(col));
            }
            types[col] = t == null ? UNTYPED : t;
        }
        return t == UNTYPED ? null : t;
    }

    // --- small helpers for subclasses: set only what the row has

    static Long boxed(long v) {
        return v == ABSENT ? null : v;
    }

    static Boolean bool(ZeekRecord r, int col) {
        int b = r.bool(col);
        return b < 0 ? null : b == 1;
    }
}
