package io.dscover.collect.pcap.proto;

/** Mnemonics of DNS RR types, classes and response codes (IANA DNS parameters). */
final class DnsNames {

    private DnsNames() {
    }

    static String type(int t) {
        return switch (t) {
            case 1 -> "A";
            case 2 -> "NS";
            case 5 -> "CNAME";
            case 6 -> "SOA";
            case 10 -> "NULL";
            case 12 -> "PTR";
            case 13 -> "HINFO";
            case 15 -> "MX";
            case 16 -> "TXT";
            case 17 -> "RP";
            case 18 -> "AFSDB";
            case 24 -> "SIG";
            case 25 -> "KEY";
            case 28 -> "AAAA";
            case 29 -> "LOC";
            case 32 -> "NB";
            case 33 -> "SRV";
            case 35 -> "NAPTR";
            case 37 -> "CERT";
            case 39 -> "DNAME";
            case 41 -> "OPT";
            case 43 -> "DS";
            case 44 -> "SSHFP";
            case 46 -> "RRSIG";
            case 47 -> "NSEC";
            case 48 -> "DNSKEY";
            case 50 -> "NSEC3";
            case 51 -> "NSEC3PARAM";
            case 52 -> "TLSA";
            case 64 -> "SVCB";
            case 65 -> "HTTPS";
            case 99 -> "SPF";
            case 249 -> "TKEY";
            case 250 -> "TSIG";
            case 251 -> "IXFR";
            case 252 -> "AXFR";
            case 255 -> "*";
            case 256 -> "URI";
            case 257 -> "CAA";
            default -> "TYPE" + t;
        };
    }

    static String clazz(int c) {
        return switch (c & 0x7fff) {
            case 1 -> "C_INTERNET";
            case 3 -> "C_CHAOS";
            case 4 -> "C_HESIOD";
            case 254 -> "C_NONE";
            case 255 -> "C_ANY";
            default -> "CLASS" + c;
        };
    }

    static String rcode(int r) {
        return switch (r) {
            case 0 -> "NOERROR";
            case 1 -> "FORMERR";
            case 2 -> "SERVFAIL";
            case 3 -> "NXDOMAIN";
            case 4 -> "NOTIMP";
            case 5 -> "REFUSED";
            case 6 -> "YXDOMAIN";
            case 7 -> "YXRRSET";
            case 8 -> "NXRRSET";
            case 9 -> "NOTAUTH";
            case 10 -> "NOTZONE";
            default -> "RCODE" + r;
        };
    }
}
