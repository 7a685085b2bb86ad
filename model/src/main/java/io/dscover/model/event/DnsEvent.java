package io.dscover.model.event;

import java.util.List;

/** A DNS transaction: a query and its response, matched by transaction ID (one per Zeek dns.log row). */
@EventType(name = "dns", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "A DNS transaction: a query and its response, matched by transaction ID (one per Zeek dns.log row).")
public final class DnsEvent extends NetworkEvent {

    @Field(name = "dns.id", type = FieldType.INT,
            doc = "DNS transaction ID.")
    private Long dnsId;

    @Field(name = "dns.question.name", type = FieldType.STRING,
            doc = "Queried name, lower-cased, without the trailing dot.")
    private String dnsQuestionName;

    @Field(name = "dns.question.type", type = FieldType.STRING,
            doc = "Query type mnemonic: A, AAAA, TXT, MX, NULL, ANY, ... (TYPE65534 for unknown).")
    private String dnsQuestionType;

    @Field(name = "dns.question.class", type = FieldType.STRING,
            doc = "Query class mnemonic: IN, CH, ...")
    private String dnsQuestionClass;

    @Field(name = "dns.response_code", type = FieldType.STRING,
            doc = "Response code mnemonic: NOERROR, NXDOMAIN, SERVFAIL, REFUSED, ...")
    private String dnsResponseCode;

    @Field(name = "dns.answers", type = FieldType.STRING_LIST,
            doc = "Answer data in order: addresses, names, or TXT strings.")
    private List<String> dnsAnswers;

    @Field(name = "dns.answer_ttls", type = FieldType.INT_LIST,
            doc = "TTL in seconds of each answer, in the order of dns.answers.")
    private List<Long> dnsAnswerTtls;

    @Field(name = "dns.header_flags", type = FieldType.STRING_LIST,
            doc = "Header flags set: AA, TC, RD, RA, AD, CD; B (broadcast) in NetBIOS name service messages.")
    private List<String> dnsHeaderFlags;

    @Field(name = "dns.rtt", type = FieldType.DURATION,
            doc = "Time from query to response.")
    private Long dnsRtt;

    @Field(name = "dns.rejected", type = FieldType.BOOL,
            doc = "The server rejected the query.")
    private Boolean dnsRejected;

    @Field(name = "dns.protocol", type = FieldType.STRING,
            doc = "Name service that carried the message, by its port: dns, mdns (multicast DNS, 5353), llmnr "
                    + "(Link-Local Multicast Name Resolution, 5355) or nbns (NetBIOS Name Service, 137).")
    private String dnsProtocol;

    public Long getDnsId() {
        return dnsId;
    }

    public void setDnsId(Long dnsId) {
        this.dnsId = dnsId;
    }

    public void setDnsId(long dnsId) {
        this.dnsId = dnsId;
    }

    public String getDnsQuestionName() {
        return dnsQuestionName;
    }

    public void setDnsQuestionName(String dnsQuestionName) {
        this.dnsQuestionName = dnsQuestionName;
    }

    public String getDnsQuestionType() {
        return dnsQuestionType;
    }

    public void setDnsQuestionType(String dnsQuestionType) {
        this.dnsQuestionType = dnsQuestionType;
    }

    public String getDnsQuestionClass() {
        return dnsQuestionClass;
    }

    public void setDnsQuestionClass(String dnsQuestionClass) {
        this.dnsQuestionClass = dnsQuestionClass;
    }

    public String getDnsResponseCode() {
        return dnsResponseCode;
    }

    public void setDnsResponseCode(String dnsResponseCode) {
        this.dnsResponseCode = dnsResponseCode;
    }

    public List<String> getDnsAnswers() {
        return dnsAnswers;
    }

    public void setDnsAnswers(List<String> dnsAnswers) {
        this.dnsAnswers = dnsAnswers == null ? null : List.copyOf(dnsAnswers);
    }

    public List<Long> getDnsAnswerTtls() {
        return dnsAnswerTtls;
    }

    public void setDnsAnswerTtls(List<Long> dnsAnswerTtls) {
        this.dnsAnswerTtls = dnsAnswerTtls == null ? null : List.copyOf(dnsAnswerTtls);
    }

    public List<String> getDnsHeaderFlags() {
        return dnsHeaderFlags;
    }

    public void setDnsHeaderFlags(List<String> dnsHeaderFlags) {
        this.dnsHeaderFlags = dnsHeaderFlags == null ? null : List.copyOf(dnsHeaderFlags);
    }

    public Long getDnsRtt() {
        return dnsRtt;
    }

    public void setDnsRtt(Long dnsRtt) {
        this.dnsRtt = dnsRtt;
    }

    public void setDnsRtt(long dnsRtt) {
        this.dnsRtt = dnsRtt;
    }

    public Boolean getDnsRejected() {
        return dnsRejected;
    }

    public void setDnsRejected(Boolean dnsRejected) {
        this.dnsRejected = dnsRejected;
    }

    /**
     * The {@code dns.protocol} of a message exchanged on a responder port: LLMNR and NBNS are what a
     * poisoner (T1557.001) answers, so rules must tell them from DNS whatever collector saw them.
     */
    public static String protocolOfPort(long port) {
        return switch ((int) port) {
            case 5353 -> "mdns";
            case 5355 -> "llmnr";
            case 137 -> "nbns";
            default -> "dns";
        };
    }

    public String getDnsProtocol() {
        return dnsProtocol;
    }

    public void setDnsProtocol(String dnsProtocol) {
        this.dnsProtocol = dnsProtocol;
    }
}
