package io.dscover.coverage.report;

/**
 * Why an entry has its level: a stable code for machines and a sentence for people.
 *
 * @param code one of the codes docs/coverage.md lists, e.g. {@code rule.runs}
 * @param text e.g. "rule dns_txt_tunnel runs on dns events from pcap (content, flow)"
 */
public record Reason(String code, String text) {

    public static final String NO_TELEMETRY = "telemetry.none";
    public static final String VISIBLE = "telemetry.visible";
    public static final String NO_RULE = "rule.none";
    public static final String RULE_RUNS = "rule.runs";
    public static final String RULE_OFF_MODEL = "rule.other-component";
    public static final String RULE_CANNOT_RUN = "rule.cannot-run";
    public static final String RULE_DISABLED = "rule.disabled";
    public static final String TESTS_PASSED = "tests.passed";
    public static final String TESTS_FAILED = "tests.failed";
    public static final String TESTS_INCOMPLETE = "tests.incomplete";
    public static final String TESTS_NOT_RUN = "tests.not-run";
    public static final String TESTS_NONE = "tests.none";
    public static final String ANALYTICS = "v18.analytics";
}
