package io.dscover.rules.ruletest;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Rule test results as JUnit XML, the format CI servers and {@code dscover coverage --test-results}
 * read: a {@code <testsuites>} root, one {@code <testsuite name="RULE_ID">} per rule (in rule order)
 * with its counts, one {@code <testcase classname="RULE_ID" name="TEST">} per test, a
 * {@code <failure message="...">} (first line as the message, all of it as the text) when it failed
 * and {@code <skipped message="..."/>} when it could not run. Times are seconds.
 */
public final class JUnitXmlWriter {

    /** The root's name. */
    public static final String SUITES_NAME = "dscover rules test";

    private JUnitXmlWriter() {
    }

    public static void write(List<RuleTestOutcome> outcomes, Writer out) throws IOException {
        Map<String, List<RuleTestOutcome>> byRule = new LinkedHashMap<>();
        for (RuleTestOutcome o : outcomes) {
            byRule.computeIfAbsent(o.ruleId(), k -> new ArrayList<>()).add(o);
        }
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", SUITES_NAME);
            counts(x, outcomes);
            x.writeCharacters("\n");
            for (Map.Entry<String, List<RuleTestOutcome>> rule : byRule.entrySet()) {
                x.writeCharacters("  ");
                x.writeStartElement("testsuite");
                x.writeAttribute("name", clean(rule.getKey()));
                counts(x, rule.getValue());
                x.writeCharacters("\n");
                for (RuleTestOutcome o : rule.getValue()) {
                    testCase(x, o);
                }
                x.writeCharacters("  ");
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void counts(XMLStreamWriter x, List<RuleTestOutcome> outcomes) throws XMLStreamException {
        long failures = outcomes.stream().filter(o -> o.status() == RuleTestOutcome.Status.FAILED).count();
        long skipped = outcomes.stream().filter(o -> o.status() == RuleTestOutcome.Status.SKIPPED).count();
        long nanos = outcomes.stream().mapToLong(RuleTestOutcome::nanos).sum();
        x.writeAttribute("tests", Integer.toString(outcomes.size()));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(skipped));
        x.writeAttribute("time", seconds(nanos));
    }

    private static void testCase(XMLStreamWriter x, RuleTestOutcome o) throws XMLStreamException {
        x.writeCharacters("    ");
        boolean empty = o.status() == RuleTestOutcome.Status.PASSED;
        if (empty) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        x.writeAttribute("classname", clean(o.ruleId()));
        x.writeAttribute("name", clean(o.test()));
        x.writeAttribute("time", seconds(o.nanos()));
        if (!o.location().isEmpty()) {
            // as pytest writes them: CI servers link a failing case to its source
            int colon = o.location().lastIndexOf(':');
            boolean hasLine = colon > 0 && o.location().substring(colon + 1).chars().allMatch(Character::isDigit);
            x.writeAttribute("file", clean(hasLine ? o.location().substring(0, colon) : o.location()));
            if (hasLine) {
                x.writeAttribute("line", o.location().substring(colon + 1));
            }
        }
        if (!empty) {
            String message = clean(o.message());
            int nl = message.indexOf('\n');
            String first = nl < 0 ? message : message.substring(0, nl);
            if (o.status() == RuleTestOutcome.Status.FAILED) {
                x.writeStartElement("failure");
                x.writeAttribute("message", first);
                x.writeAttribute("type", "RuleTestFailure");
                x.writeCharacters(message);
                x.writeEndElement();
            } else {
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", first);
            }
            x.writeEndElement();
        }
        x.writeCharacters("\n");
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** XML 1.0 cannot carry most control characters, even escaped: they become '?'. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
                    || (Character.isSurrogate(c) && !validSurrogate(s, i));
            if (bad) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append('?');
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
