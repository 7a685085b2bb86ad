package io.dscover.collect.zeek;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.TlsEvent;
import java.util.List;

/**
 * ssl.log: one TLS (or DTLS) handshake per row. The server certificate is joined from x509.log
 * when the run has it: by the first entry of {@code cert_chain_fps} (Zeek 4.2 and later) or of
 * {@code cert_chain_fuids} (older Zeek, keyed by the x509 row's file id). Subject and issuer columns
 * in ssl.log itself (older Zeek, or {@code SSL::log_include_server_certificate_subject_issuer}) win.
 */
final class SslMapper extends LogMapper {

    private final X509Index certificates;

    private int version;
    private int cipher;
    private int curve;
    private int serverName;
    private int resumed;
    private int nextProtocol;
    private int established;
    private int subject;
    private int issuer;
    private int ja3;
    private int ja3s;
    private int ja4;
    private int certChainFps;
    private int certChainFuids;

    SslMapper(X509Index certificates) {
        super("ssl");
        this.certificates = certificates;
    }

    @Override
    void bindColumns() {
        version = claim("version");
        cipher = claim("cipher");
        curve = claim("curve");
        serverName = claim("server_name");
        resumed = claim("resumed");
        nextProtocol = claim("next_protocol");
        established = claim("established");
        subject = claim("subject");
        issuer = claim("issuer");
        ja3 = claim("ja3");
        ja3s = claim("ja3s");
        ja4 = claim("ja4");
        certChainFps = columns().indexOf("cert_chain_fps");
        certChainFuids = columns().indexOf("cert_chain_fuids");
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        String v = r.symbol(version);
        return v != null && v.startsWith("DTLS") ? "udp" : "tcp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        TlsEvent e = flowEvidence(new TlsEvent());
        String v = r.symbol(version);
        if (v != null) {
            e.setTlsVersion(versionNumber(v));
            e.setTlsVersionProtocol(versionProtocol(v));
        }
        e.setTlsCipher(r.symbol(cipher));
        e.setTlsCurve(r.symbol(curve));
        e.setTlsClientServerName(r.string(serverName));
        e.setTlsResumed(bool(r, resumed));
        e.setTlsNextProtocol(r.symbol(nextProtocol));
        e.setTlsEstablished(bool(r, established));
        e.setTlsServerSubject(r.string(subject));
        e.setTlsServerIssuer(r.string(issuer));
        e.setTlsClientJa3(r.symbol(ja3));
        e.setTlsServerJa3s(r.symbol(ja3s));
        e.setTlsClientJa4(r.symbol(ja4));
        X509Index.Certificate cert = serverCertificate(r);
        if (cert != null) {
            if (e.getTlsServerSubject() == null) {
                e.setTlsServerSubject(cert.subject());
            }
            if (e.getTlsServerIssuer() == null) {
                e.setTlsServerIssuer(cert.issuer());
            }
            if (cert.notBefore() != ABSENT) {
                e.setTlsServerNotBefore(cert.notBefore());
            }
            if (cert.notAfter() != ABSENT) {
                e.setTlsServerNotAfter(cert.notAfter());
            }
            if (cert.subjectAltNames() != null) {
                e.setTlsServerSubjectAltNames(cert.subjectAltNames());
            }
            String fp = cert.fingerprint();
            if (fp != null && fp.length() == 40) {
                e.setTlsServerHashSha1(fp);
            } else if (fp != null && fp.length() == 64) {
                e.setTlsServerHashSha256(fp);
            }
        }
        extras(r, e);
        out.add(e);
    }

    private X509Index.Certificate serverCertificate(ZeekRecord r) {
        if (certificates.isEmpty()) {
            return null;
        }
        List<String> chain = r.strings(certChainFps);
        if (chain == null || chain.isEmpty()) {
            chain = r.strings(certChainFuids);
        }
        return chain == null || chain.isEmpty() ? null : certificates.find(chain.get(0));
    }

    /** Zeek's {@code TLSv12} as ECS {@code 1.2}; SSL versions as {@code 3.0}, {@code 2.0}. */
    static String versionNumber(String zeek) {
        String digits;
        if (zeek.startsWith("TLSv") || zeek.startsWith("SSLv")) {
            digits = zeek.substring(4);
        } else if (zeek.startsWith("DTLSv")) {
            digits = zeek.substring(5);
        } else {
            return zeek;
        }
        if (digits.length() == 2 && Character.isDigit(digits.charAt(0)) && Character.isDigit(digits.charAt(1))) {
            return digits.charAt(0) + "." + digits.charAt(1);
        }
        if (digits.length() == 1 && Character.isDigit(digits.charAt(0))) {
            return digits + ".0";
        }
        return zeek;
    }

    static String versionProtocol(String zeek) {
        if (zeek.startsWith("TLSv")) {
            return "tls";
        }
        if (zeek.startsWith("SSLv")) {
            return "ssl";
        }
        if (zeek.startsWith("DTLSv")) {
            return "dtls";
        }
        return null;
    }
}
