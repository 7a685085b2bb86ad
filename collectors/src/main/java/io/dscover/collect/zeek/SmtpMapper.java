package io.dscover.collect.zeek;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.SmtpEvent;
import java.util.List;

/** smtp.log: one message (SMTP transaction) per row. */
final class SmtpMapper extends LogMapper {

    private int helo;
    private int mailFrom;
    private int rcptTo;
    private int from;
    private int to;
    private int subject;
    private int userAgent;
    private int tls;
    private int lastReply;

    SmtpMapper() {
        super("smtp");
    }

    @Override
    void bindColumns() {
        helo = claim("helo");
        mailFrom = claim("mailfrom");
        rcptTo = claim("rcptto");
        from = claim("from");
        to = claim("to");
        subject = claim("subject");
        userAgent = claim("user_agent");
        tls = claim("tls");
        lastReply = claim("last_reply");
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        return "tcp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        SmtpEvent e = flowEvidence(new SmtpEvent());
        e.setSmtpHelo(r.string(helo));
        e.setSmtpMailFrom(r.string(mailFrom));
        List<String> rcpt = r.strings(rcptTo);
        if (rcpt != null) {
            e.setSmtpRcptTo(rcpt);
        }
        e.setEmailFromAddress(r.string(from));
        List<String> toList = r.strings(to);
        if (toList != null) {
            e.setEmailToAddress(toList);
        }
        e.setEmailSubject(r.string(subject));
        e.setSmtpUserAgent(r.string(userAgent));
        e.setSmtpTls(bool(r, tls));
        e.setSmtpLastReply(r.string(lastReply));
        extras(r, e);
        out.add(e);
    }
}
