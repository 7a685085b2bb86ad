package io.dscover.collect.zeek;

import java.util.List;
import java.util.Set;

/** Which mapper reads which Zeek log path. */
final class LogMappers {

    /** Paths with a dedicated event type; every other path becomes {@code log} events. */
    static final Set<String> DEDICATED = Set.of("conn", "dns", "http", "ssl", "ssh", "smb_files", "smb_mapping",
            "smb_cmd", "dce_rpc", "rdp", "ftp", "smtp", "snmp", "tftp", "ntlm", "kerberos", "notice", "notice_alarm",
            "weird");

    /** The event types this collector can produce. */
    static final List<String> EVENT_TYPES = List.of("connection", "flow", "dns", "http", "tls", "ssh", "smb",
            "dce_rpc", "rdp", "ftp", "smtp", "snmp", "tftp", "ntlm", "kerberos", "notice", "weird", "log");

    private LogMappers() {
    }

    static LogMapper forPath(String path, X509Index certificates) {
        return switch (path) {
            case "conn" -> new ConnMapper();
            case "dns" -> new DnsMapper();
            case "http" -> new HttpMapper();
            case "ssl" -> new SslMapper(certificates);
            case "ssh" -> new SshMapper();
            case "smb_files", "smb_mapping", "smb_cmd" -> new SmbMapper(path);
            case "dce_rpc" -> new DceRpcMapper();
            case "rdp" -> new RdpMapper();
            case "ftp" -> new FtpMapper();
            case "smtp" -> new SmtpMapper();
            case "snmp" -> new SnmpMapper();
            case "tftp" -> new TftpMapper();
            case "ntlm" -> new NtlmMapper();
            case "kerberos" -> new KerberosMapper();
            case "notice", "notice_alarm" -> new NoticeMapper(path);
            case "weird" -> new WeirdMapper();
            default -> new GenericLogMapper(path);
        };
    }
}
