package io.dscover.collect.zeek;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which log an input is when the input does not say ({@code #path} and {@code _path} do): from the
 * file name ({@code conn.log}, {@code conn.2024-05-01-10-00-00.log.gz}, {@code dns.json}), or failing
 * that from the columns a record has (a stream piped from {@code zeek-cut} or a JSON exporter).
 */
final class LogPaths {

    /** Column signatures of the common logs, most specific first. */
    private static final List<Signature> SIGNATURES = List.of(
            new Signature("conn", c -> c.test("conn_state") || (c.test("history") && c.test("orig_pkts"))),
            new Signature("dns", c -> c.test("qtype_name") || (c.test("query") && c.test("rcode"))),
            new Signature("http", c -> c.test("method") && c.test("uri")),
            new Signature("ssl", c -> c.test("ssl_history") || (c.test("cipher") && c.test("server_name"))),
            new Signature("x509", c -> c.test("certificate.subject")),
            new Signature("files", c -> c.test("fuid") && c.test("seen_bytes")),
            new Signature("ssh", c -> c.test("auth_success") && c.test("client")),
            new Signature("smb_files", c -> c.test("action") && c.test("times.modified")),
            new Signature("smb_mapping", c -> c.test("share_type") && c.test("native_file_system")),
            new Signature("dce_rpc", c -> c.test("endpoint") && c.test("operation")),
            new Signature("rdp", c -> c.test("security_protocol") && c.test("cookie")),
            new Signature("ftp", c -> c.test("reply_code") && c.test("command")),
            new Signature("smtp", c -> c.test("mailfrom") && c.test("rcptto")),
            new Signature("snmp", c -> c.test("community") && c.test("get_requests")),
            new Signature("ntlm", c -> c.test("server_nb_computer_name") || (c.test("domainname") && c.test("username"))),
            new Signature("kerberos", c -> c.test("request_type") && c.test("service")),
            new Signature("notice", c -> c.test("note") && c.test("msg")),
            new Signature("weird", c -> c.test("name") && c.test("addl") && (c.test("peer") || c.test("notice"))),
            new Signature("tunnel", c -> c.test("tunnel_type")));

    private record Signature(String path, Predicate<Predicate<String>> matches) {
    }

    private LogPaths() {
    }

    /**
     * The log path a file name names, e.g. {@code conn} for {@code conn.2024-05-01-10-00-00.log.gz}
     * and {@code conn_red.log}; {@code null} for names that carry no log name ({@code -}, {@code 12.log}).
     */
    static String fromFileName(String baseName) {
        if (baseName == null) {
            return null;
        }
        String name = baseName.toLowerCase(Locale.ROOT);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        if (stem.isEmpty() || !Character.isLetter(stem.charAt(0))) {
            return null;
        }
        for (int i = 0; i < stem.length(); i++) {
            char c = stem.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return null;
            }
        }
        return stem;
    }

    /** Whether {@code path} can name a log: a letter, then letters, digits, '_' or '-', at most 64 characters. */
    static boolean isLogName(String path) {
        if (path == null || path.isEmpty() || path.length() > 64 || !Character.isLetter(path.charAt(0))) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether a file name is a log Zeek itself writes (so the name may be trusted over column guessing). */
    static boolean isKnown(String path) {
        return path != null && (LogMappers.DEDICATED.contains(path) || SIGNATURES.stream().anyMatch(s -> s.path.equals(path)));
    }

    /** The log whose columns these are, or {@code null}. */
    static String fromColumns(Predicate<String> hasColumn) {
        for (Signature s : SIGNATURES) {
            if (s.matches.test(hasColumn)) {
                return s.path;
            }
        }
        return null;
    }

    /** The rotation part of a file name, {@code 2024-05-01-10-00-00} in {@code conn.2024-05-01-10-00-00.log.gz}. */
    static String rotation(String baseName) {
        String name = baseName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int first = name.indexOf('.');
        int last = name.lastIndexOf('.');
        return first >= 0 && last > first ? name.substring(first + 1, last) : "";
    }
}
