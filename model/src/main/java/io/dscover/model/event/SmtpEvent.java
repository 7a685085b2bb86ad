package io.dscover.model.event;

import java.util.List;

/** One SMTP transaction (one message). */
@EventType(name = "smtp", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "One SMTP transaction (one message).")
public final class SmtpEvent extends NetworkEvent {

    @Field(name = "smtp.helo", type = FieldType.STRING,
            doc = "HELO/EHLO argument.")
    private String smtpHelo;

    @Field(name = "smtp.mail_from", type = FieldType.STRING,
            doc = "MAIL FROM address.")
    private String smtpMailFrom;

    @Field(name = "smtp.rcpt_to", type = FieldType.STRING_LIST,
            doc = "RCPT TO addresses.")
    private List<String> smtpRcptTo;

    @Field(name = "email.from.address", type = FieldType.STRING,
            doc = "From header.")
    private String emailFromAddress;

    @Field(name = "email.to.address", type = FieldType.STRING_LIST,
            doc = "To header addresses.")
    private List<String> emailToAddress;

    @Field(name = "email.subject", type = FieldType.STRING,
            doc = "Subject header.")
    private String emailSubject;

    @Field(name = "smtp.user_agent", type = FieldType.STRING,
            doc = "X-Mailer / User-Agent header.")
    private String smtpUserAgent;

    @Field(name = "smtp.tls", type = FieldType.BOOL,
            doc = "STARTTLS was used.")
    private Boolean smtpTls;

    @Field(name = "smtp.last_reply", type = FieldType.STRING,
            doc = "Last reply the server sent.")
    private String smtpLastReply;

    @Field(name = "email.attachment_count", type = FieldType.INT,
            doc = "Number of MIME attachments.")
    private Long emailAttachmentCount;

    public String getSmtpHelo() {
        return smtpHelo;
    }

    public void setSmtpHelo(String smtpHelo) {
        this.smtpHelo = smtpHelo;
    }

    public String getSmtpMailFrom() {
        return smtpMailFrom;
    }

    public void setSmtpMailFrom(String smtpMailFrom) {
        this.smtpMailFrom = smtpMailFrom;
    }

    public List<String> getSmtpRcptTo() {
        return smtpRcptTo;
    }

    public void setSmtpRcptTo(List<String> smtpRcptTo) {
        this.smtpRcptTo = smtpRcptTo == null ? null : List.copyOf(smtpRcptTo);
    }

    public String getEmailFromAddress() {
        return emailFromAddress;
    }

    public void setEmailFromAddress(String emailFromAddress) {
        this.emailFromAddress = emailFromAddress;
    }

    public List<String> getEmailToAddress() {
        return emailToAddress;
    }

    public void setEmailToAddress(List<String> emailToAddress) {
        this.emailToAddress = emailToAddress == null ? null : List.copyOf(emailToAddress);
    }

    public String getEmailSubject() {
        return emailSubject;
    }

    public void setEmailSubject(String emailSubject) {
        this.emailSubject = emailSubject;
    }

    public String getSmtpUserAgent() {
        return smtpUserAgent;
    }

    public void setSmtpUserAgent(String smtpUserAgent) {
        this.smtpUserAgent = smtpUserAgent;
    }

    public Boolean getSmtpTls() {
        return smtpTls;
    }

    public void setSmtpTls(Boolean smtpTls) {
        this.smtpTls = smtpTls;
    }

    public String getSmtpLastReply() {
        return smtpLastReply;
    }

    public void setSmtpLastReply(String smtpLastReply) {
        this.smtpLastReply = smtpLastReply;
    }

    public Long getEmailAttachmentCount() {
        return emailAttachmentCount;
    }

    public void setEmailAttachmentCount(Long emailAttachmentCount) {
        this.emailAttachmentCount = emailAttachmentCount;
    }

    public void setEmailAttachmentCount(long emailAttachmentCount) {
        this.emailAttachmentCount = emailAttachmentCount;
    }
}
