package io.dscover.collect.zeek;

import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.NetworkEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * dns.log: one DNS transaction per row. Names follow the schema's conventions rather than Zeek's:
 * the query lower-cased without a trailing dot, classes as mnemonics ({@code C_INTERNET} is
 * {@code IN}), Zeek's {@code *} and {@code query-N} types as {@code ANY} and {@code TYPEN}. The Z
 * bits stay an extra field ({@code zeek.Z}).
 */
final class DnsMapper extends LogMapper {

    private int transId;
    private int rtt;
    private int query;
    private int qclass;
    private int qclassName;
    private int qtype;
    private int qtypeName;
    private int rcode;
    private int rcodeName;
    private int aa;
    private int tc;
    private int rd;
    private int ra;
    private int answers;
    private int ttls;
    private int rejected;

    DnsMapper() {
        super("dns");
    }

    @Override
    void bindColumns() {
        transId = claim("trans_id");
        rtt = claim("rtt");
        query = claim("query");
        qclass = claim("qclass");
        qclassName = claim("qclass_name");
        qtype = claim("qtype");
        qtypeName = claim("qtype_name");
        rcode = claim("rcode");
        rcodeName = claim("rcode_name");
        aa = claim("AA");
        tc = claim("TC");
        rd = claim("RD");
        ra = claim("RA");
        answers = claim("answers");
        ttls = claim("TTLs");
        rejected = claim("rejected");
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        DnsEvent e = flowEvidence(new DnsEvent());
        long v;
        if ((v = r.count(transId)) != ABSENT) {
            e.setDnsId(v);
        }
        if ((v = r.interval(rtt)) != ABSENT) {
            e.setDnsRtt(v);
        }
        e.setDnsQuestionName(questionName(r.string(query)));
        e.setDnsQuestionClass(className(r.symbol(qclassName), r.count(qclass)));
        e.setDnsQuestionType(typeName(r.symbol(qtypeName), r.count(qtype)));
        e.setDnsResponseCode(responseCode(r.symbol(rcodeName), r.count(rcode)));
        List<String> flags = new ArrayList<>(4);
        addFlag(flags, r, aa, "AA");
        addFlag(flags, r, tc, "TC");
        addFlag(flags, r, rd, "RD");
        addFlag(flags, r, ra, "RA");
        if (r.present(aa) || r.present(tc) || r.present(rd) || r.present(ra)) {
            e.setDnsHeaderFlags(flags);
        }
        List<String> a = r.strings(answers);
        if (a != null) {
            e.setDnsAnswers(a);
        }
        List<Object> t = r.list(ttls, ZeekType.Kind.INTERVAL);
        if (t != null) {
            List<Long> seconds = new ArrayList<>(t.size());
            for (Object o : t) {
                seconds.add(Math.floorDiv((Long) o, 1_000_000_000L));
            }
            e.setDnsAnswerTtls(seconds);
        }
        e.setDnsRejected(bool(r, rejected));
        e.setDnsProtocol(protocolOf(e));
        extras(r, e);
        out.add(e);
    }

    /** Zeek logs mDNS, LLMNR and NBNS in dns.log too; the responder's port says which, else the originator's. */
    private static String protocolOf(DnsEvent e) {
        Long resp = e.getDestinationPort();
        String byResponder = resp == null ? "dns" : DnsEvent.protocolOfPort(resp);
        Long orig = e.getSourcePort();
        return !byResponder.equals("dns") || orig == null ? byResponder : DnsEvent.protocolOfPort(orig);
    }

    private static void addFlag(List<String> flags, ZeekRecord r, int col, String name) {
        if (r.bool(col) == 1) {
            flags.add(name);
        }
    }

    static String questionName(String q) {
        if (q == null) {
            return null;
        }
        String s = q.toLowerCase(Locale.ROOT);
        return s.length() > 1 && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String className(String zeekName, long number) {
        if (zeekName != null) {
            return switch (zeekName) {
                case "C_INTERNET" -> "IN";
                case "C_CSNET" -> "CS";
                case "C_CHAOS" -> "CH";
                case "C_HESIOD" -> "HS";
                case "C_NONE" -> "NONE";
                case "C_ANY" -> "ANY";
                default -> zeekName;
            };
        }
        if (number == ABSENT) {
            return null;
        }
        return switch ((int) Math.min(number, 65_536)) {
            case 1 -> "IN";
            case 3 -> "CH";
            case 4 -> "HS";
            case 254 -> "NONE";
            case 255 -> "ANY";
            default -> "CLASS" + number;
        };
    }

    static String typeName(String zeekName, long number) {
        if (zeekName != null) {
            if (zeekName.equals("*")) {
                return "ANY";
            }
            if (zeekName.startsWith("query-")) {
                return "TYPE" + zeekName.substring("query-".length()); // RFC 3597 spelling of an unknown type
            }
            return zeekName;
        }
        return number == ABSENT ? null : "TYPE" + number;
    }

    static String responseCode(String zeekName, long number) {
        if (zeekName != null || number == ABSENT) {
            return zeekName;
        }
        String[] names = {"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN",
            "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE"};
        return number >= 0 && number < names.length ? names[(int) number] : "unknown-" + number;
    }
}
