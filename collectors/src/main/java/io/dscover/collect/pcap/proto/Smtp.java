package io.dscover.collect.pcap.proto;

import io.dscover.model.event.SmtpEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * SMTP: HELO/EHLO, MAIL FROM, RCPT TO and the message headers (From, To, Subject, X-Mailer) of
 * each transaction; STARTTLS ends the clear-text part. One {@code smtp} event per message.
 */
final class Smtp extends Analyzer {

    static final int MAX_LINE = 4096;
    static final int MAX_RCPT = 64;
    static final java.util.Set<String> VERBS = java.util.Set.of("HELO", "EHLO", "MAIL", "RCPT", "DATA", "RSET", "NOOP",
            "QUIT", "VRFY", "EXPN", "HELP", "STAR", "AUTH", "BDAT", "XCLI", "TURN", "ETRN", "SAML", "SEND", "SOML");

    private final LineAssembler client = new LineAssembler(MAX_LINE);
    private final LineAssembler server = new LineAssembler(MAX_LINE);
    private SmtpEvent tx;
    private String helo;
    private boolean data;
    private boolean headers;
    private boolean greeted;
    private boolean tlsStarted;
    private String lastReply;
    private long attachments;

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        if (tlsStarted) {
            return;
        }
        if (fromOrig) {
            client.feed(this, s, b, off, len, (lb, lo, ll, t) -> clientLine(s, Bytes.latin1(lb, lo, ll)));
        } else {
            server.feed(this, s, b, off, len, (lb, lo, ll, t) -> serverLine(s, Bytes.latin1(lb, lo, ll)));
        }
    }

    private boolean serverLine(Session s, String line) {
        if (line.length() < 3 || !Character.isDigit(line.charAt(0))) {
            if (!greeted) {
                fail();
                return false;
            }
            return true;
        }
        if (!greeted) {
            greeted = true;
            if (!line.startsWith("220") && !line.startsWith("421") && !line.startsWith("554")) {
                fail();
                return false;
            }
        }
        lastReply = line.length() > 256 ? line.substring(0, 256) : line;
        if (line.startsWith("220") && tx == null && helo != null && lastCommandWasStartTls) {
            tlsStarted = true;
        }
        return true;
    }

    private boolean lastCommandWasStartTls;

    private boolean clientLine(Session s, String line) {
        if (data) {
            if (line.equals(".")) {
                data = false;
                headers = false;
                if (tx != null) {
                    tx.setEmailAttachmentCount(attachments);
                    tx.setSmtpLastReply(lastReply);
                    s.emit(tx);
                    tx = null;
                }
                return true;
            }
            if (tx == null) {
                return true;
            }
            if (headers) {
                if (line.isEmpty()) {
                    headers = false;
                } else {
                    header(line);
                }
            } else if (line.regionMatches(true, 0, "Content-Disposition: attachment", 0, 31)) {
                attachments++;
            }
            return true;
        }
        String upper = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line.toUpperCase(java.util.Locale.ROOT);
        lastCommandWasStartTls = upper.equals("STAR");
        switch (upper) {
            case "HELO", "EHLO" -> {
                s.confirm("smtp");
                helo = line.length() > 5 ? line.substring(5).trim() : "";
            }
            case "MAIL" -> {
                tx = new SmtpEvent();
                s.stampLocation(tx);
                if (helo != null) {
                    tx.setSmtpHelo(helo);
                }
                tx.setSmtpMailFrom(address(line));
                attachments = 0;
            }
            case "RCPT" -> {
                if (tx != null) {
                    List<String> r = tx.getSmtpRcptTo() == null ? new ArrayList<>() : new ArrayList<>(tx.getSmtpRcptTo());
                    if (r.size() < MAX_RCPT) {
                        r.add(address(line));
                    }
                    tx.setSmtpRcptTo(r);
                }
            }
            case "DATA" -> {
                data = true;
                headers = true;
            }
            case "STAR" -> {
                if (tx == null) {
                    tx = null;
                }
            }
            default -> {
                if (helo == null && !VERBS.contains(upper)) {
                    fail(); // "220" greets FTP too: the first command tells them apart
                    return false;
                }
            }
        }
        return true;
    }

    private void header(String line) {
        int c = line.indexOf(':');
        if (c <= 0) {
            return;
        }
        String name = line.substring(0, c).trim().toLowerCase(java.util.Locale.ROOT);
        String value = line.substring(c + 1).trim();
        switch (name) {
            case "from" -> tx.setEmailFromAddress(value);
            case "to" -> tx.setEmailToAddress(List.of(value.split(",", MAX_RCPT)).stream().map(String::trim).toList());
            case "subject" -> tx.setEmailSubject(value);
            case "x-mailer", "user-agent" -> tx.setSmtpUserAgent(value);
            default -> {
            }
        }
    }

    private static String address(String line) {
        int lt = line.indexOf('<');
        int gt = line.indexOf('>', Math.max(lt, 0));
        if (lt >= 0 && gt > lt) {
            return line.substring(lt + 1, gt);
        }
        int colon = line.indexOf(':');
        return colon >= 0 ? line.substring(colon + 1).trim() : line;
    }

    @Override
    public void end(Session s) {
        if (tx != null) {
            tx.setSmtpLastReply(lastReply);
            s.emit(tx);
            tx = null;
        }
    }
}
