package io.dscover.coverage.report;

import java.util.List;

/**
 * The gaps that matter, each with what to do about it.
 *
 * @param visibleUndetected entries the telemetry makes visible but no runnable rule detects: write a rule
 * @param rulesThatCannotRun enabled rules whose events the telemetry does not supply: collect more
 * @param rulesOutsideModel rule mappings that count toward no entry (technique not a DS0029 entry here,
 *                          retired, or unknown)
 * @param sourceGains       per collector (or Zeek log / Windows event) not in the profile, the entries it
 *                          would make visible or detected; largest gain first
 */
public record Gaps(List<String> visibleUndetected, List<RuleGap> rulesThatCannotRun, List<OutsideMapping> rulesOutsideModel,
        List<SourceGain> sourceGains) {

    public Gaps {
        visibleUndetected = List.copyOf(visibleUndetected);
        rulesThatCannotRun = List.copyOf(rulesThatCannotRun);
        rulesOutsideModel = List.copyOf(rulesOutsideModel);
        sourceGains = List.copyOf(sourceGains);
    }

    /** A rule that cannot run, and why. */
    public record RuleGap(String rule, String title, List<String> techniques, String reason) {
        public RuleGap {
            techniques = List.copyOf(techniques);
        }
    }

    /** A technique a rule names that is not an entry of this catalog, and what it is instead. */
    public record OutsideMapping(String rule, String technique, String reason) {
    }

    /**
     * What adding a source would gain.
     *
     * @param collector the collector
     * @param part      the Zeek log or Windows event for a collector already in the profile in part; empty
     *                  for a whole collector
     * @param partsKey  {@code logs} or {@code events} when {@code part} is set
     * @param visible   entries now at level 0 that it would make visible or better
     * @param detected  entries now below level 2 that it would make detected or better
     */
    public record SourceGain(String collector, String part, String partsKey, List<String> visible, List<String> detected) {
        public SourceGain {
            visible = List.copyOf(visible);
            detected = List.copyOf(detected);
        }

        /** "zeek" or "zeek logs: dns". */
        public String label() {
            return part.isEmpty() ? collector : collector + " " + partsKey + ": " + part;
        }
    }
}
