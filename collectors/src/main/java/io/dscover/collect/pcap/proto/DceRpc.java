package io.dscover.collect.pcap.proto;

import io.dscover.model.event.DceRpcEvent;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connection-oriented DCE/RPC (over TCP, or over an SMB named pipe fed by the SMB dissector):
 * binds map context ids to interfaces, each request is a {@code dce_rpc} event with the interface
 * (endpoint) and operation name, emitted with its round-trip time when the response comes.
 */
final class DceRpc extends Analyzer {

    static final int MAX_PENDING = 64;
    static final int MAX_CONTEXTS = 64;
    private static final int MAX_HEADER_BUFFER = 4096;

    private final String pipe;
    private final Map<Integer, String> contexts = new HashMap<>();
    private final Map<Long, DceRpcEvent> pending = new LinkedHashMap<>();
    private final Map<Long, Long> sent = new HashMap<>();
    private final byte[][] buf = {new byte[256], new byte[256]};
    private final int[] have = new int[2];
    private final long[] skip = new long[2];

    DceRpc(String pipe) {
        this.pipe = pipe;
    }

    @Override
    public String name() {
        return "dce_rpc";
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        int d = fromOrig ? 0 : 1;
        int p = off;
        int end = off + len;
        while (p < end && !failed()) {
            if (skip[d] > 0) {
                int n = (int) Math.min(skip[d], end - p);
                skip[d] -= n;
                p += n;
                continue;
            }
            int need = have[d] < 16 ? 16 : Math.min(MAX_HEADER_BUFFER, Bytes.u16le(buf[d], 8));
            if (have[d] >= 16 && (buf[d][0] != 5 || Bytes.u16le(buf[d], 8) < 16)) {
                fail();
                return;
            }
            int n = Math.min(need - have[d], end - p);
            if (have[d] + n > buf[d].length) {
                if (!reserve(s, MAX_HEADER_BUFFER - buf[d].length)) {
                    // no memory for a large PDU: skip it and read the next one
                    skip[d] = Bytes.u16le(buf[d], 8) - have[d];
                    have[d] = 0;
                    continue;
                }
                buf[d] = java.util.Arrays.copyOf(buf[d], MAX_HEADER_BUFFER);
            }
            System.arraycopy(b, p, buf[d], have[d], n);
            have[d] += n;
            p += n;
            if (have[d] >= 16 && have[d] == Math.min(MAX_HEADER_BUFFER, Bytes.u16le(buf[d], 8))) {
                int fragLen = Bytes.u16le(buf[d], 8);
                pdu(s, fromOrig, buf[d], have[d]);
                skip[d] = fragLen - have[d];
                have[d] = 0;
            }
        }
    }

    /** One PDU (at least its first 4 KiB). */
    void pdu(Session s, boolean fromOrig, byte[] b, int n) {
        if (n < 16 || b[0] != 5) {
            fail();
            return;
        }
        int type = b[2] & 0xff;
        long callId = Bytes.u32le(b, 12);
        switch (type) {
            case 11, 14 -> { // bind, alter_context
                s.confirm("dce_rpc");
                if (n < 29) {
                    return;
                }
                int count = b[24] & 0xff;
                int p = 28;
                for (int i = 0; i < count && p + 24 <= n && contexts.size() < MAX_CONTEXTS; i++) {
                    int ctx = Bytes.u16le(b, p);
                    int transfers = b[p + 2] & 0xff;
                    contexts.put(ctx, DceRpcNames.iface(DceRpcNames.uuid(b, p + 4)));
                    p += 24 + 20 * transfers;
                }
            }
            case 0 -> { // request
                if (n < 24) {
                    return;
                }
                s.confirm("dce_rpc");
                int ctx = Bytes.u16le(b, 20);
                int opnum = Bytes.u16le(b, 22);
                String iface = contexts.getOrDefault(ctx, "context " + ctx);
                DceRpcEvent e = new DceRpcEvent();
                s.stampLocation(e);
                e.setDceRpcEndpoint(iface);
                e.setDceRpcOperation(DceRpcNames.operation(iface, opnum));
                if (pipe != null) {
                    e.setDceRpcNamedPipe(pipe);
                }
                if ((b[3] & 0x01) == 0) {
                    return; // a later fragment (PFC_FIRST_FRAG unset) of a request already seen
                }
                if (pending.size() >= MAX_PENDING) {
                    Long first = pending.keySet().iterator().next();
                    s.emit(pending.remove(first));
                    sent.remove(first);
                    release(s, HELD_MESSAGE);
                }
                if (!reserve(s, HELD_MESSAGE)) {
                    s.emit(e); // no memory to hold it for its response
                    return;
                }
                DceRpcEvent previous = pending.put(callId, e);
                if (previous != null) {
                    release(s, HELD_MESSAGE);
                    s.emit(previous);
                }
                sent.put(callId, s.now());
            }
            case 2, 3 -> { // response, fault
                DceRpcEvent e = pending.remove(callId);
                Long t = sent.remove(callId);
                if (e != null) {
                    release(s, HELD_MESSAGE);
                    e.setDceRpcRtt(s.now() - t);
                    s.emit(e);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void end(Session s) {
        for (DceRpcEvent e : pending.values()) {
            s.emit(e);
        }
        release(s, pending.size() * HELD_MESSAGE);
        pending.clear();
        sent.clear();
    }
}
