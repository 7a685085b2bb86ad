package io.dscover.coverage.render;

import io.dscover.coverage.report.CoverageReport;
import io.dscover.coverage.report.RuleAssessment;
import io.dscover.coverage.report.TestVerdict;

/**
 * The rule tests as JUnit XML, in the format {@code dscover rules test --junit} writes (one
 * {@code <testsuite name="RULE_ID">} per rule, {@code <testcase classname="RULE_ID" name="TEST">} per test):
 * every test every rule declares, with the result given for it, {@code <skipped>} when none was, so a CI
 * test view shows the tests no one ran next to those that failed. Results for tests a rule no longer
 * declares are left out.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static String render(CoverageReport r) {
        StringBuilder x = new StringBuilder(1 << 14);
        long tests = 0;
        long failures = 0;
        long skipped = 0;
        StringBuilder suites = new StringBuilder();
        for (RuleAssessment a : r.rules()) {
            TestVerdict v = a.tests();
            long t = v.declared();
            long f = v.count("failed");
            long s = v.count("skipped") + v.count("not-run");
            tests += t;
            failures += f;
            skipped += s;
            suites.append("  <testsuite name=\"").append(attr(a.id())).append("\" tests=\"").append(t).append("\" failures=\"")
                    .append(f).append("\" errors=\"0\" skipped=\"").append(s).append("\">\n");
            for (TestVerdict.TestLine line : v.tests()) {
                if (!line.declared()) {
                    continue;
                }
                suites.append("    <testcase classname=\"").append(attr(a.id())).append("\" name=\"").append(attr(line.name()))
                        .append('"');
                switch (line.result()) {
                    case "passed" -> suites.append("/>\n");
                    case "failed" -> suites.append(">\n      <failure message=\"").append(attr(line.message()))
                            .append("\"/>\n    </testcase>\n");
                    case "skipped" -> suites.append(">\n      <skipped message=\"").append(attr(line.message()))
                            .append("\"/>\n    </testcase>\n");
                    default -> suites.append(">\n      <skipped message=\"no result given (dscover rules test --junit FILE, "
                            + "then dscover coverage --test-results FILE)\"/>\n    </testcase>\n");
                }
            }
            suites.append("  </testsuite>\n");
        }
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"dscover rule tests\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n");
        x.append(suites);
        x.append("</testsuites>\n");
        return x.toString();
    }

    /** An XML attribute value: escaped, and without characters XML 1.0 cannot carry. */
    static String attr(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                case '\t' -> sb.append("&#9;");
                case '\r' -> sb.append("&#13;");
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
