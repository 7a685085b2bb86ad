package io.dscover.collect.zeek;

import io.dscover.model.event.DceRpcEvent;
import io.dscover.model.event.NetworkEvent;
import java.util.List;

/** dce_rpc.log: one RPC request/response per row (endpoint, operation, named pipe, round trip). */
final class DceRpcMapper extends LogMapper {

    private int rtt;
    private int namedPipe;
    private int endpoint;
    private int operation;

    DceRpcMapper() {
        super("dce_rpc");
    }

    @Override
    void bindColumns() {
        rtt = claim("rtt");
        namedPipe = claim("named_pipe");
        endpoint = claim("endpoint");
        operation = claim("operation");
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        return "tcp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        DceRpcEvent e = flowEvidence(new DceRpcEvent());
        long v = r.interval(rtt);
        if (v != ABSENT) {
            e.setDceRpcRtt(v);
        }
        e.setDceRpcNamedPipe(r.string(namedPipe));
        e.setDceRpcEndpoint(r.symbol(endpoint));
        e.setDceRpcOperation(r.symbol(operation));
        extras(r, e);
        out.add(e);
    }
}
