package io.dscover.collect.pcap.proto;

import io.dscover.model.event.FtpEvent;
import java.util.ArrayDeque;

/**
 * FTP control channel: one {@code ftp} event per command with its final reply. PORT/EPRT and
 * PASV/EPSV announce the data connection, which is then labelled {@code ftp-data}.
 */
final class Ftp extends Analyzer {

    static final int MAX_LINE = 2048;
    static final int MAX_PENDING = 32;
    static final java.util.Set<String> COMMANDS = java.util.Set.of("USER", "PASS", "ACCT", "CWD", "CDUP", "SMNT", "QUIT",
            "REIN", "PORT", "PASV", "TYPE", "STRU", "MODE", "RETR", "STOR", "STOU", "APPE", "ALLO", "REST", "RNFR", "RNTO",
            "ABOR", "DELE", "RMD", "MKD", "PWD", "LIST", "NLST", "SITE", "SYST", "STAT", "HELP", "NOOP", "FEAT", "OPTS",
            "AUTH", "PBSZ", "PROT", "EPRT", "EPSV", "MDTM", "SIZE", "MLSD", "MLST", "CLNT", "LANG", "HOST", "XPWD", "XCWD",
            "XMKD", "XRMD", "CCC", "ADAT", "MIC", "CONF", "ENC", "LPRT", "LPSV");

    private final LineAssembler clientLines = new LineAssembler(MAX_LINE);
    private final LineAssembler serverLines = new LineAssembler(MAX_LINE);
    private final ArrayDeque<FtpEvent> pending = new ArrayDeque<>();
    private final byte[] origAddr;
    private final byte[] respAddr;
    private String user;
    private boolean sawGreeting;
    private boolean sawCommand;
    private boolean greetingOk;

    Ftp(byte[] origAddr, byte[] respAddr) {
        this.origAddr = origAddr;
        this.respAddr = respAddr;
    }

    @Override
    public String name() {
        return "ftp";
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        if (fromOrig) {
            clientLines.feed(this, s, b, off, len, (lb, lo, ll, t) -> command(s, lb, lo, ll));
        } else {
            serverLines.feed(this, s, b, off, len, (lb, lo, ll, t) -> reply(s, lb, lo, ll));
        }
    }

    private boolean command(Session s, byte[] b, int off, int len) {
        if (len == 0) {
            return true;
        }
        int sp = 0;
        while (sp < len && b[off + sp] != ' ') {
            sp++;
        }
        if (sp == 0 || sp > 8) {
            if (!sawCommand) {
                fail();
                return false;
            }
            return true;
        }
        for (int i = 0; i < sp; i++) {
            if (!Character.isLetter(b[off + i])) {
                if (!sawCommand) {
                    fail();
                    return false;
                }
                return true;
            }
        }
        String verb = Bytes.latin1(b, off, sp).toUpperCase(java.util.Locale.ROOT);
        if (!sawCommand && !COMMANDS.contains(verb)) {
            fail(); // "220" greets SMTP too: the first command tells them apart
            return false;
        }
        sawCommand = true;
        if (sawGreeting && greetingOk) {
            s.confirm("ftp");
        }
        String cmd = Bytes.latin1(b, off, sp).toUpperCase(java.util.Locale.ROOT);
        String arg = sp + 1 < len ? Bytes.latin1(b, off + sp + 1, len - sp - 1) : "";
        FtpEvent e = new FtpEvent();
        s.stampLocation(e);
        e.setFtpCommand(cmd);
        if (cmd.equals("USER")) {
            user = arg;
        }
        if (cmd.equals("PASS")) {
            arg = "<hidden>";
        }
        e.setFtpArg(arg);
        if (user != null) {
            e.setUserName(user);
        }
        if (cmd.equals("PORT")) {
            hostPort(s, arg, false);
        } else if (cmd.equals("EPRT")) {
            extended(s, arg, false);
        }
        if (pending.size() >= MAX_PENDING) {
            s.emit(pending.poll());
        }
        pending.add(e);
        return true;
    }

    private boolean reply(Session s, byte[] b, int off, int len) {
        if (len < 3 || !Character.isDigit(b[off]) || !Character.isDigit(b[off + 1]) || !Character.isDigit(b[off + 2])) {
            if (!sawGreeting) {
                fail();
                return false;
            }
            return true; // continuation text of a multi-line reply
        }
        if (len > 3 && b[off + 3] == '-') {
            return true; // first line of a multi-line reply; the final one carries the code too
        }
        int code = (b[off] - '0') * 100 + (b[off + 1] - '0') * 10 + (b[off + 2] - '0');
        String msg = len > 4 ? Bytes.latin1(b, off + 4, len - 4) : "";
        if (!sawGreeting) {
            sawGreeting = true;
            if (code != 220 && code != 120 && code != 421) {
                fail();
                return false;
            }
            greetingOk = true;
            if (sawCommand) {
                s.confirm("ftp");
            }
            return true;
        }
        if (code == 227) {
            int open = msg.indexOf('(');
            hostPort(s, open >= 0 ? msg.substring(open + 1) : msg.replaceAll("^[^0-9]*", ""), true);
        } else if (code == 229) {
            int open = msg.indexOf('(');
            if (open >= 0) {
                extended(s, msg.substring(open + 1), true);
            }
        }
        if (code >= 100 && code < 200) {
            return true; // preliminary
        }
        FtpEvent e = pending.poll();
        if (e != null) {
            e.setFtpReplyCode((long) code);
            e.setFtpReplyMsg(msg.length() > 256 ? msg.substring(0, 256) : msg);
            s.emit(e);
        }
        return true;
    }

    private void hostPort(Session s, String text, boolean passive) {
        String[] parts = text.replaceAll("[^0-9,]", " ").trim().split("[ ,]+");
        if (parts.length < 6) {
            return;
        }
        try {
            byte[] addr = new byte[4];
            for (int i = 0; i < 4; i++) {
                addr[i] = (byte) Integer.parseInt(parts[i]);
            }
            int port = Integer.parseInt(parts[4]) * 256 + Integer.parseInt(parts[5]);
            if (port > 0 && port < 65536) {
                s.expect(addr, port, "ftp-data");
            }
        } catch (NumberFormatException e) {
            s.malformed("malformed FTP address", text);
        }
    }

    private void extended(Session s, String text, boolean passive) {
        if (text.length() < 5) {
            return;
        }
        char d = text.charAt(0);
        String[] f = text.split(java.util.regex.Pattern.quote(String.valueOf(d)), -1);
        if (f.length < 4) {
            return;
        }
        try {
            int port = Integer.parseInt(f[3].trim());
            byte[] addr = passive ? respAddr : io.dscover.model.event.IpAddresses.parse(f[2]);
            if (addr != null && port > 0 && port < 65536) {
                s.expect(addr, port, "ftp-data");
            }
        } catch (NumberFormatException e) {
            s.malformed("malformed FTP address", text);
        }
    }

    @Override
    public void end(Session s) {
        while (!pending.isEmpty()) {
            s.emit(pending.poll());
        }
    }
}
