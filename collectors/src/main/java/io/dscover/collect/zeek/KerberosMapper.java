package io.dscover.collect.zeek;

import io.dscover.model.event.KerberosEvent;
import io.dscover.model.event.NetworkEvent;
import java.util.List;

/** kerberos.log: one AS or TGS exchange per row (over TCP or UDP, which the log does not say). */
final class KerberosMapper extends LogMapper {

    private int requestType;
    private int client;
    private int service;
    private int success;
    private int errorMsg;
    private int cipher;
    private int forwardable;
    private int renewable;

    KerberosMapper() {
        super("kerberos");
    }

    @Override
    void bindColumns() {
        requestType = claim("request_type");
        client = claim("client");
        service = claim("service");
        success = claim("success");
        errorMsg = claim("error_msg");
        cipher = claim("cipher");
        forwardable = claim("forwardable");
        renewable = claim("renewable");
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        KerberosEvent e = flowEvidence(new KerberosEvent());
        e.setKerberosRequestType(r.symbol(requestType));
        e.setKerberosClient(r.string(client));
        e.setKerberosService(r.string(service));
        e.setKerberosSuccess(bool(r, success));
        e.setKerberosErrorMsg(r.string(errorMsg));
        e.setKerberosCipher(r.symbol(cipher));
        e.setKerberosForwardable(bool(r, forwardable));
        e.setKerberosRenewable(bool(r, renewable));
        extras(r, e);
        out.add(e);
    }
}
