package io.dscover.model.event;

/** A DCE/RPC call: interface (endpoint) and operation. */
@EventType(name = "dce_rpc", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "A DCE/RPC call: interface (endpoint) and operation.")
public final class DceRpcEvent extends NetworkEvent {

    @Field(name = "dce_rpc.endpoint", type = FieldType.STRING,
            doc = "RPC interface name, e.g. svcctl, atsvc, samr, IDispatch.")
    private String dceRpcEndpoint;

    @Field(name = "dce_rpc.operation", type = FieldType.STRING,
            doc = "Operation name, e.g. CreateServiceW.")
    private String dceRpcOperation;

    @Field(name = "dce_rpc.named_pipe", type = FieldType.STRING,
            doc = "Named pipe or port the call used.")
    private String dceRpcNamedPipe;

    @Field(name = "dce_rpc.rtt", type = FieldType.DURATION,
            doc = "Time from request to response.")
    private Long dceRpcRtt;

    public String getDceRpcEndpoint() {
        return dceRpcEndpoint;
    }

    public void setDceRpcEndpoint(String dceRpcEndpoint) {
        this.dceRpcEndpoint = dceRpcEndpoint;
    }

    public String getDceRpcOperation() {
        return dceRpcOperation;
    }

    public void setDceRpcOperation(String dceRpcOperation) {
        this.dceRpcOperation = dceRpcOperation;
    }

    public String getDceRpcNamedPipe() {
        return dceRpcNamedPipe;
    }

    public void setDceRpcNamedPipe(String dceRpcNamedPipe) {
        this.dceRpcNamedPipe = dceRpcNamedPipe;
    }

    public Long getDceRpcRtt() {
        return dceRpcRtt;
    }

    public void setDceRpcRtt(Long dceRpcRtt) {
        this.dceRpcRtt = dceRpcRtt;
    }

    public void setDceRpcRtt(long dceRpcRtt) {
        this.dceRpcRtt = dceRpcRtt;
    }
}
