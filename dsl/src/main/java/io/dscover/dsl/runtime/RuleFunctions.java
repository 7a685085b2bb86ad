package io.dscover.dsl.runtime;

import com.google.re2j.Pattern;
import io.dscover.model.event.IpAddresses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The static functions generated DRL constraints call. Every function takes the field value as the
 * fact holds it ({@code null} when the input did not give it) and is false/null for null, so a
 * condition on a missing field does not match.
 *
 * <p>Sets, networks and regexes arrive as one string literal (what the rule text said) and are compiled
 * once per distinct literal into a bounded cache: the DRL stays readable and the hot path is a hash
 * lookup on a constant string whose hash is cached. Regexes use RE2/J: linear time on any input, as
 * attacker-controlled text needs.
 */
public final class RuleFunctions {

    /** Upper bound on distinct compiled literals kept; rule sets hold far fewer. */
    private static final int CACHE_LIMIT = 65_536;

    private static final ConcurrentHashMap<String, Pattern> REGEXES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, CidrSet> CIDRS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Set<String>> STRING_SETS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, LongRanges> LONG_SETS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, double[]> DECIMAL_SETS = new ConcurrentHashMap<>();

    private RuleFunctions() {
    }

    private static <V> V cached(ConcurrentHashMap<String, V> cache, String key, Function<String, V> compile) {
        V v = cache.get(key);
        if (v == null) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            v = cache.computeIfAbsent(key, compile);
        }
        return v;
    }

    // ------------------------------------------------------------------ functions

    /** {@code len(string)}: UTF-16 length. */
    public static Long lenText(String s) {
        return s == null ? null : (long) s.length();
    }

    /** {@code len(list)}: number of elements. */
    public static Long lenList(List<?> l) {
        return l == null ? null : (long) l.size();
    }

    public static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    public static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    /** Shannon entropy in bits per character (over code points). */
    public static Double entropy(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n == 0) {
            return 0.0;
        }
        // the hot path (DNS names, URLs, user agents) is Latin-1: count in an array, no allocation per char
        int[] counts = new int[256];
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 256) {
                return entropyOfCodePoints(s);
            }
            counts[c]++;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        return h / LN2;
    }

    private static final double LN2 = Math.log(2);

    private static double entropyOfCodePoints(String s) {
        java.util.HashMap<Integer, int[]> counts = new java.util.HashMap<>();
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            counts.computeIfAbsent(cp, k -> new int[1])[0]++;
            n++;
        }
        double h = 0;
        for (int[] c : counts.values()) {
            double p = (double) c[0] / n;
            h -= p * Math.log(p);
        }
        return h / LN2;
    }

    /**
     * Private, shared or local addresses: RFC 1918, RFC 6598 (100.64/10), loopback, link-local,
     * 0.0.0.0/8, and IPv6 ULA (fc00::/7), loopback, link-local (fe80::/10) and IPv4-mapped private ones.
     */
    public static boolean isPrivate(String ip) {
        byte[] a = IpAddresses.parse(ip);
        if (a == null) {
            return false;
        }
        if (a.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= a[i] == 0;
            }
            mapped &= a[10] == (byte) 0xff && a[11] == (byte) 0xff;
            if (mapped) {
                return isPrivate4(a[12] & 0xff, a[13] & 0xff);
            }
            boolean loopback = a[15] == 1;
            for (int i = 0; i < 15; i++) {
                loopback &= a[i] == 0;
            }
            return loopback || (a[0] & 0xfe) == 0xfc || ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80);
        }
        return isPrivate4(a[0] & 0xff, a[1] & 0xff);
    }

    private static boolean isPrivate4(int b0, int b1) {
        return b0 == 10 || b0 == 127 || b0 == 0
                || (b0 == 172 && b1 >= 16 && b1 <= 31)
                || (b0 == 192 && b1 == 168)
                || (b0 == 169 && b1 == 254)
                || (b0 == 100 && b1 >= 64 && b1 <= 127);
    }

    /** Number of DNS labels; a trailing dot (the root) is not counted, nor are empty labels. */
    public static Long labels(String name) {
        if (name == null) {
            return null;
        }
        long n = 0;
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                if (i > start) {
                    n++;
                }
                start = i + 1;
            }
        }
        return n;
    }

    /** Length of the longest DNS label. */
    public static Long maxLabelLen(String name) {
        if (name == null) {
            return null;
        }
        long max = 0;
        int start = 0;
        for (int i = 0; i <= name.length(); i++) {
            if (i == name.length() || name.charAt(i) == '.') {
                max = Math.max(max, i - start);
                start = i + 1;
            }
        }
        return max;
    }

    /** {@code exists(list field)}: set and not empty. */
    public static boolean present(List<?> l) {
        return l != null && !l.isEmpty();
    }

    // ------------------------------------------------------------------ string operators

    public static boolean contains(String s, String part) {
        return s != null && part != null && s.contains(part);
    }

    public static boolean startsWith(String s, String prefix) {
        return s != null && prefix != null && s.startsWith(prefix);
    }

    public static boolean endsWith(String s, String suffix) {
        return s != null && suffix != null && s.endsWith(suffix);
    }

    public static boolean icontains(String s, String part) {
        if (s == null || part == null) {
            return false;
        }
        int n = part.length();
        for (int i = 0; i + n <= s.length(); i++) {
            if (s.regionMatches(true, i, part, 0, n)) {
                return true;
            }
        }
        return false;
    }

    public static boolean istartsWith(String s, String prefix) {
        return s != null && prefix != null && s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    public static boolean iendsWith(String s, String suffix) {
        return s != null && suffix != null && suffix.length() <= s.length()
                && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }

    /** RE2 search (unanchored: use ^ and $ to anchor). */
    public static boolean matches(String s, String regex) {
        return s != null && cached(REGEXES, regex, Pattern::compile).matcher(s).find();
    }

    /** Any element {@link #contains} (and so on for the other {@code any*} forms). */
    public static boolean anyContains(List<String> l, String part) {
        if (l != null) {
            for (String s : l) {
                if (contains(s, part)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean anyStartsWith(List<String> l, String prefix) {
        if (l != null) {
            for (String s : l) {
                if (startsWith(s, prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean anyEndsWith(List<String> l, String suffix) {
        if (l != null) {
            for (String s : l) {
                if (endsWith(s, suffix)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean anyIcontains(List<String> l, String part) {
        if (l != null) {
            for (String s : l) {
                if (icontains(s, part)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean anyIstartsWith(List<String> l, String prefix) {
        if (l != null) {
            for (String s : l) {
                if (istartsWith(s, prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean anyIendsWith(List<String> l, String suffix) {
        if (l != null) {
            for (String s : l) {
                if (iendsWith(s, suffix)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean anyMatches(List<String> l, String regex) {
        if (l != null) {
            for (String s : l) {
                if (matches(s, regex)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code list<string> contains "x"}: an element equals the text. */
    public static boolean hasElement(List<String> l, String element) {
        return l != null && element != null && l.contains(element);
    }

    /** {@code list<int> contains N}. */
    public static boolean hasNumber(List<Long> l, long n) {
        if (l != null) {
            for (Long v : l) {
                if (v != null && v == n) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ sets

    /**
     * IP in networks. {@code networks}: space-separated canonical CIDRs or addresses, e.g.
     * {@code "10.0.0.0/8 fc00::/7 192.0.2.1"}. Text that is not an address is in no network.
     */
    public static boolean inCidrs(String ip, String networks) {
        return ip != null && cached(CIDRS, networks, CidrSet::parse).contains(ip);
    }

    public static boolean anyInCidrs(List<String> ips, String networks) {
        if (ips != null) {
            CidrSet set = cached(CIDRS, networks, CidrSet::parse);
            for (String ip : ips) {
                if (ip != null && set.contains(ip)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** String in a set; {@code encoded} as written by {@link #encodeStrings}. */
    public static boolean inStrings(String s, String encoded) {
        return s != null && cached(STRING_SETS, encoded, RuleFunctions::decodeStrings).contains(s);
    }

    public static boolean anyInStrings(List<String> l, String encoded) {
        if (l != null) {
            Set<String> set = cached(STRING_SETS, encoded, RuleFunctions::decodeStrings);
            for (String s : l) {
                if (s != null && set.contains(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Integer in a set of values and inclusive ranges, written {@code "22,23,5900-5910"}. */
    public static boolean inLongs(Long v, String encoded) {
        return v != null && cached(LONG_SETS, encoded, LongRanges::parse).contains(v);
    }

    public static boolean anyInLongs(List<Long> l, String encoded) {
        if (l != null) {
            LongRanges set = cached(LONG_SETS, encoded, LongRanges::parse);
            for (Long v : l) {
                if (v != null && set.contains(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Decimal in a set written {@code "0.5,1,2.25"}. */
    public static boolean inDecimals(Double v, String encoded) {
        if (v == null) {
            return false;
        }
        double[] set = cached(DECIMAL_SETS, encoded, e -> Arrays.stream(e.split(",")).mapToDouble(Double::parseDouble).sorted().toArray());
        return Arrays.binarySearch(set, v) >= 0;
    }

    /**
     * Encodes strings for {@link #inStrings}: each as its length, ':' and the text, so any character
     * (commas, quotes, newlines) survives.
     */
    public static String encodeStrings(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append(v.length()).append(':').append(v);
        }
        return sb.toString();
    }

    static Set<String> decodeStrings(String encoded) {
        Set<String> out = new HashSet<>();
        int i = 0;
        while (i < encoded.length()) {
            int colon = encoded.indexOf(':', i);
            int len = Integer.parseInt(encoded.substring(i, colon));
            out.add(encoded.substring(colon + 1, colon + 1 + len));
            i = colon + 1 + len;
        }
        return out;
    }

    /** Sorted, merged inclusive ranges. */
    static final class LongRanges {
        private final long[] lo;
        private final long[] hi;

        private LongRanges(long[] lo, long[] hi) {
            this.lo = lo;
            this.hi = hi;
        }

        static LongRanges parse(String encoded) {
            List<long[]> ranges = new ArrayList<>();
            for (String part : encoded.split(",")) {
                if (part.isEmpty()) {
                    continue;
                }
                int dash = part.indexOf('-', 1);
                long a = Long.parseLong(dash < 0 ? part : part.substring(0, dash));
                long b = dash < 0 ? a : Long.parseLong(part.substring(dash + 1));
                ranges.add(new long[] {a, b});
            }
            ranges.sort((x, y) -> Long.compare(x[0], y[0]));
            List<long[]> merged = new ArrayList<>();
            for (long[] r : ranges) {
                if (!merged.isEmpty() && r[0] <= merged.get(merged.size() - 1)[1] + 1) {
                    long[] last = merged.get(merged.size() - 1);
                    last[1] = Math.max(last[1], r[1]);
                } else {
                    merged.add(r.clone());
                }
            }
            long[] lo = new long[merged.size()];
            long[] hi = new long[merged.size()];
            for (int i = 0; i < lo.length; i++) {
                lo[i] = merged.get(i)[0];
                hi[i] = merged.get(i)[1];
            }
            return new LongRanges(lo, hi);
        }

        boolean contains(long v) {
            int i = Arrays.binarySearch(lo, v);
            if (i >= 0) {
                return true;
            }
            int before = -i - 2;
            return before >= 0 && v <= hi[before];
        }
    }
}
