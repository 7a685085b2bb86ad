package io.dscover.collect.zeek;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a realistic Zeek conn.log (Zeek 6 default columns) of any size, in Zeek's TSV form and in
 * its JSON form ({@code LogAscii::use_json=T}: epoch-float ts, intervals as full doubles), for the
 * throughput benchmark and the soak tests. A fixed seed makes the same file every time.
 *
 * <p>The traffic mix follows what a campus sensor sees: mostly IPv4 TCP web and TLS, DNS over UDP,
 * some ICMP and IPv6, scans (S0/REJ) among established sessions (SF, S1, RSTO...), a few thousand
 * internal hosts talking to tens of thousands of external ones.
 */
public final class ConnLogGenerator {

    private static final String[] SERVICES = {"ssl", "ssl", "ssl", "http", "http", "dns", "-", "-", "ssh", "smb,gssapi", "krb_tcp"};
    private static final String[] TCP_STATES = {"SF", "SF", "SF", "SF", "S0", "REJ", "S1", "RSTO", "RSTR", "SH", "OTH", "S3"};
    private static final String[] TCP_HISTORY = {"ShADadFf", "ShADadfF", "ShADdaFf", "S", "Sr", "ShAD", "ShADadR", "ShADadr", "ShAFf", "^dA", "ShADadttFf"};
    private static final int[] TCP_PORTS = {443, 443, 443, 80, 80, 22, 445, 8080, 3389, 88, 135, 8443, 25};

    private final SplittableRandom random;
    private final String[] internal = new String[4000];
    private final String[] external = new String[40000];
    private final String[] internalV6 = new String[300];
    private final String[] externalV6 = new String[2000];
    private final StringBuilder line = new StringBuilder(512);
    private double clock = 1_521_911_720.600843;

    public ConnLogGenerator(long seed) {
        random = new SplittableRandom(seed);
        for (int i = 0; i < internal.length; i++) {
            internal[i] = "10." + (i >> 8 & 0xff) + "." + (i & 0xff) + "." + (1 + random.nextInt(254));
        }
        for (int i = 0; i < external.length; i++) {
            external[i] = (11 + random.nextInt(200)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        }
        for (int i = 0; i < internalV6.length; i++) {
            internalV6[i] = "fd00:10:" + Integer.toHexString(i) + "::" + Integer.toHexString(1 + random.nextInt(0xfffe));
        }
        for (int i = 0; i < externalV6.length; i++) {
            externalV6[i] = "2001:db8:" + Integer.toHexString(random.nextInt(0xffff)) + ":" + Integer.toHexString(random.nextInt(0xffff))
                    + "::" + Integer.toHexString(1 + random.nextInt(0xfffe));
        }
    }

    /** One connection, as TSV fields in Zeek's order (ts, uid, id..., tunnel_parents). */
    private String[] next() {
        clock += random.nextDouble() * 0.0004;
        boolean v6 = random.nextInt(20) == 0;
        int kind = random.nextInt(100);
        String proto;
        String service;
        int respPort;
        int origPort = 1024 + random.nextInt(64_000);
        if (kind < 70) {
            proto = "tcp";
            respPort = TCP_PORTS[random.nextInt(TCP_PORTS.length)];
            service = respPort == 443 || respPort == 8443 ? "ssl" : respPort == 80 || respPort == 8080 ? "http"
                    : SERVICES[random.nextInt(SERVICES.length)];
        } else if (kind < 95) {
            proto = "udp";
            respPort = random.nextInt(10) < 8 ? 53 : 123;
            service = respPort == 53 ? "dns" : "ntp";
        } else {
            proto = "icmp";
            origPort = random.nextInt(4) == 0 ? 3 : 8;
            respPort = origPort == 8 ? 0 : random.nextInt(4);
            service = "-";
        }
        String orig = v6 ? internalV6[random.nextInt(internalV6.length)] : internal[random.nextInt(internal.length)];
        boolean inbound = random.nextInt(10) == 0;
        boolean lateral = !inbound && random.nextInt(5) == 0;
        String resp = lateral ? (v6 ? internalV6[random.nextInt(internalV6.length)] : internal[random.nextInt(internal.length)])
                : v6 ? externalV6[random.nextInt(externalV6.length)] : external[random.nextInt(external.length)];
        if (inbound) {
            String t = orig;
            orig = resp;
            resp = t;
        }
        String state;
        String history;
        String duration;
        String origBytes;
        String respBytes;
        long origPkts;
        long respPkts;
        if (proto.equals("tcp")) {
            state = TCP_STATES[random.nextInt(TCP_STATES.length)];
            history = state.equals("S0") ? "S" : state.equals("REJ") ? "Sr" : TCP_HISTORY[random.nextInt(TCP_HISTORY.length)];
            if (state.equals("S0") || state.equals("REJ")) {
                duration = random.nextBoolean() ? "-" : Double.toString(random.nextDouble() * 3);
                origBytes = "0";
                respBytes = "0";
                origPkts = 1 + random.nextInt(3);
                respPkts = state.equals("REJ") ? 1 : 0;
            } else {
                duration = Double.toString(Math.abs(random.nextGaussian()) * 30);
                origBytes = Long.toString(random.nextInt(4000) + (random.nextInt(50) == 0 ? random.nextInt(50_000_000) : 0));
                respBytes = Long.toString(random.nextInt(60_000) + (random.nextInt(20) == 0 ? random.nextInt(500_000_000) : 0));
                origPkts = 3 + random.nextInt(200);
                respPkts = 2 + random.nextInt(400);
            }
        } else if (proto.equals("udp")) {
            state = random.nextInt(10) == 0 ? "S0" : "SF";
            history = state.equals("S0") ? "D" : "Dd";
            duration = Double.toString(random.nextDouble() * 0.2);
            origBytes = Integer.toString(30 + random.nextInt(60));
            respBytes = state.equals("S0") ? "0" : Integer.toString(50 + random.nextInt(400));
            origPkts = 1;
            respPkts = state.equals("S0") ? 0 : 1;
        } else {
            state = "OTH";
            history = "-";
            duration = Double.toString(random.nextDouble() * 5);
            origBytes = Integer.toString(56 * (1 + random.nextInt(5)));
            respBytes = origPort == 8 ? origBytes : "0";
            origPkts = 1 + random.nextInt(5);
            respPkts = origPort == 8 ? origPkts : 0;
        }
        int ipHeader = v6 ? 40 : 20;
        long origIpBytes = (origBytes.equals("-") ? 0 : Long.parseLong(origBytes)) + origPkts * (ipHeader + (proto.equals("tcp") ? 32 : 8));
        long respIpBytes = (respBytes.equals("-") ? 0 : Long.parseLong(respBytes)) + respPkts * (ipHeader + (proto.equals("tcp") ? 32 : 8));
        boolean localOrig = !inbound;
        boolean localResp = inbound || lateral;
        return new String[] {
            sixDigits(clock), uid(), orig, Integer.toString(origPort), resp, Integer.toString(respPort),
            proto, service, duration, origBytes, respBytes, state, localOrig ? "T" : "F", localResp ? "T" : "F",
            random.nextInt(200) == 0 ? Integer.toString(random.nextInt(5000)) : "0", history,
            Long.toString(origPkts), Long.toString(origIpBytes), Long.toString(respPkts), Long.toString(respIpBytes), "-"};
    }

    /** {@code %.6f} without String.format, which would dominate generating millions of rows. */
    static String sixDigits(double value) {
        long micros = Math.round(value * 1e6);
        long whole = micros / 1_000_000;
        String frac = Long.toString(micros % 1_000_000);
        return whole + "." + "000000".substring(frac.length()) + frac;
    }

    private String uid() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        char[] c = new char[18];
        c[0] = 'C';
        int len = 17 + random.nextInt(2) - 1;
        for (int i = 1; i <= len; i++) {
            c[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(c, 0, len + 1);
    }

    static final String[] FIELDS = {"ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "proto", "service",
        "duration", "orig_bytes", "resp_bytes", "conn_state", "local_orig", "local_resp", "missed_bytes", "history",
        "orig_pkts", "orig_ip_bytes", "resp_pkts", "resp_ip_bytes", "tunnel_parents"};
    static final String[] TYPES = {"time", "string", "addr", "port", "addr", "port", "enum", "string", "interval",
        "count", "count", "string", "bool", "bool", "count", "string", "count", "count", "count", "count", "set[string]"};

    /** Writes {@code rows} connections as Zeek TSV, header and {@code #close} included. */
    public void writeTsv(OutputStream out, long rows) throws IOException {
        write(out, "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n"
                + "#open\t2018-03-24-17-15-20\n#fields\t" + String.join("\t", FIELDS) + "\n#types\t" + String.join("\t", TYPES) + "\n");
        for (long i = 0; i < rows; i++) {
            String[] f = next();
            line.setLength(0);
            for (int k = 0; k < f.length; k++) {
                if (k > 0) {
                    line.append('\t');
                }
                line.append(k == 8 && !f[k].equals("-") ? sixDigits(Double.parseDouble(f[k])) : f[k]);
            }
            line.append('\n');
            write(out, line);
        }
        write(out, "#close\t2018-03-24-18-15-20\n");
    }

    /** Writes {@code rows} connections as Zeek's JSON (LogAscii::use_json=T): unset fields left out. */
    public void writeJson(OutputStream out, long rows) throws IOException {
        for (long i = 0; i < rows; i++) {
            String[] f = next();
            line.setLength(0);
            line.append('{');
            boolean first = true;
            for (int k = 0; k < f.length; k++) {
                if (f[k].equals("-")) {
                    continue;
                }
                if (!first) {
                    line.append(',');
                }
                first = false;
                line.append('"').append(FIELDS[k]).append("\":");
                switch (TYPES[k]) {
                    case "time", "interval", "count", "port" -> line.append(f[k]);
                    case "bool" -> line.append(f[k].equals("T") ? "true" : "false");
                    case "set[string]" -> line.append("[\"").append(f[k].replace(",", "\",\"")).append("\"]");
                    default -> line.append('"').append(f[k]).append('"');
                }
            }
            line.append("}\n");
            write(out, line);
        }
    }

    private static void write(OutputStream out, CharSequence s) throws IOException {
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code ConnLogGenerator ROWS DIR}: writes DIR/conn.log and DIR/conn.json. */
    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("conn.log")), 1 << 20)) {
            new ConnLogGenerator(2018).writeTsv(out, rows);
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("conn.json")), 1 << 20)) {
            new ConnLogGenerator(2018).writeJson(out, rows);
        }
    }
}
