package io.dscover.dsl.diagnostic;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known name closest to a misspelt one (optimal string alignment distance, case-insensitive),
 * when it is close enough to be the likely intent.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The closest candidate within a third of the name's length (at least 2 edits), if any. */
    public static Optional<String> closest(String given, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(g, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, given.length() / 3);
        if (best != null && bestDistance <= limit && !best.equals(given)) {
            return Optional.of(best);
        }
        String bySegment = closestBySegments(given, candidates);
        return Optional.ofNullable(bySegment);
    }

    /** {@code "; did you mean 'x'?"}, or the empty string. */
    public static String suffix(String given, Collection<String> candidates) {
        return closest(given, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }

    // dotted names: "dns.qname" is far from "dns.question.name" in edits, but shares the prefix and a
    // last-segment abbreviation; pick the candidate with the same first segment and the most similar rest
    private static String closestBySegments(String given, Collection<String> candidates) {
        int dot = given.indexOf('.');
        if (dot < 0) {
            return null;
        }
        String head = given.substring(0, dot + 1);
        String rest = given.substring(dot + 1).toLowerCase(Locale.ROOT);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (!c.startsWith(head)) {
                continue;
            }
            String cRest = c.substring(head.length()).toLowerCase(Locale.ROOT);
            if (!isSubsequence(rest, cRest.replace(".", "").replace("_", ""))
                    && !isSubsequence(rest.replace(".", "").replace("_", ""), cRest.replace(".", "").replace("_", ""))) {
                continue;
            }
            int score = cRest.length() - rest.length();
            if (score < bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean isSubsequence(String small, String big) {
        int i = 0;
        for (int j = 0; j < big.length() && i < small.length(); j++) {
            if (small.charAt(i) == big.charAt(j)) {
                i++;
            }
        }
        return i == small.length() && !small.isEmpty();
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 20) {
            return Integer.MAX_VALUE / 2;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
