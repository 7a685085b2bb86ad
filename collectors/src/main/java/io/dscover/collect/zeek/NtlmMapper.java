package io.dscover.collect.zeek;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.NtlmEvent;
import java.util.List;

/** ntlm.log: one NTLM authentication per row. */
final class NtlmMapper extends LogMapper {

    private int username;
    private int hostname;
    private int domainname;
    private int serverDnsComputerName;
    private int success;
    private int status;

    NtlmMapper() {
        super("ntlm");
    }

    @Override
    void bindColumns() {
        username = claim("username");
        hostname = claim("hostname");
        domainname = claim("domainname");
        serverDnsComputerName = claim("server_dns_computer_name");
        success = claim("success");
        status = claim("status");
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        return "tcp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        NtlmEvent e = flowEvidence(new NtlmEvent());
        e.setUserName(r.string(username));
        e.setNtlmHostname(r.string(hostname));
        e.setUserDomain(r.string(domainname));
        e.setNtlmServerDnsComputerName(r.string(serverDnsComputerName));
        e.setNtlmSuccess(bool(r, success));
        e.setNtlmStatus(r.symbol(status));
        extras(r, e);
        out.add(e);
    }
}
