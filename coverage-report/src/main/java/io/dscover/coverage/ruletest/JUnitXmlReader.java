package io.dscover.coverage.ruletest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads rule test results from JUnit XML as {@code dscover rules test --junit FILE} writes it:
 * {@code <testsuite name="RULE_ID">} per rule and {@code <testcase classname="RULE_ID" name="TEST NAME">}
 * per test block, with {@code <failure>} (or {@code <error>}) when it failed and {@code <skipped/>} when
 * it could not run. A {@code <testsuites>} root and nested suites are accepted; a test case without a
 * classname belongs to its suite's rule.
 *
 * <p>Hardened: no DTD and no external entities are processed (an XXE or entity-expansion payload is an
 * error, not a file read), messages are truncated to {@value #MAX_MESSAGE} characters, and at most
 * {@value #MAX_CASES} test cases are read from one file.
 */
public final class JUnitXmlReader {

    static final int MAX_MESSAGE = 1000;
    static final int MAX_CASES = 200_000;

    private JUnitXmlReader() {
    }

    /** Reads one file. */
    public static RuleTestResults read(Path file) throws TestResultsException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new TestResultsException(file + ": no such file");
        } catch (IOException e) {
            throw new TestResultsException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads results from a stream; {@code name} is used in messages and as the results' source. */
    public static RuleTestResults read(InputStream in, String name) throws TestResultsException {
        RuleTestResults results = new RuleTestResults();
        results.addSource(name);
        XMLStreamReader r = null;
        try {
            r = factory().createXMLStreamReader(in);
            Deque<String> suites = new ArrayDeque<>();
            boolean sawRoot = false;
            int cases = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new TestResultsException(name + ": line " + r.getLocation().getLineNumber()
                            + ": a DOCTYPE is not allowed in JUnit XML");
                }
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String el = r.getLocalName();
                    if (!sawRoot) {
                        sawRoot = true;
                        if (!el.equals("testsuites") && !el.equals("testsuite")) {
                            throw new TestResultsException(name + ": not JUnit XML (root element <" + el
                                    + ">, expected <testsuites> or <testsuite>)");
                        }
                    }
                    if (el.equals("testsuite")) {
                        suites.push(attr(r, "name"));
                    } else if (el.equals("testcase")) {
                        if (++cases > MAX_CASES) {
                            results.note(name + ": more than " + MAX_CASES + " test cases; the rest were not read");
                            break;
                        }
                        int line = r.getLocation().getLineNumber();
                        String rule = attr(r, "classname");
                        if (rule.isEmpty()) {
                            rule = suites.isEmpty() ? "" : suites.peek();
                        }
                        String test = attr(r, "name");
                        TestOutcome o = testCase(r, rule, test, name);
                        if (rule.isEmpty() || test.isEmpty()) {
                            results.note(name + ": line " + line + ": a test case without a rule (classname) or test "
                                    + "name was ignored");
                        } else {
                            results.add(o);
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("testsuite")
                        && !suites.isEmpty()) {
                    suites.pop();
                }
            }
            if (!sawRoot) {
                throw new TestResultsException(name + ": empty; expected JUnit XML");
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new TestResultsException(name + (line > 0 ? ": line " + line : "") + ": not well-formed XML: "
                    + firstLine(e.getMessage()), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a stream the caller closes
                }
            }
        }
        return results;
    }

    /** Reads a test case's children up to its end tag. */
    private static TestOutcome testCase(XMLStreamReader r, String rule, String test, String source)
            throws XMLStreamException {
        TestOutcome.Result result = TestOutcome.Result.PASSED;
        StringBuilder message = new StringBuilder();
        int depth = 1;
        boolean inProblem = false;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String el = r.getLocalName();
                if (depth == 2 && (el.equals("failure") || el.equals("error"))) {
                    result = TestOutcome.Result.FAILED;
                    message.setLength(0);
                    append(message, attr(r, "message"));
                    inProblem = message.length() == 0;
                } else if (depth == 2 && el.equals("skipped") && result != TestOutcome.Result.FAILED) {
                    result = TestOutcome.Result.SKIPPED;
                    message.setLength(0);
                    append(message, attr(r, "message"));
                    inProblem = message.length() == 0;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 1) {
                    inProblem = false;
                }
            } else if (inProblem && (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA)) {
                append(message, r.getText());
            }
        }
        return new TestOutcome(rule, test, result, message.toString().strip(), source);
    }

    private static void append(StringBuilder sb, String text) {
        int room = MAX_MESSAGE - sb.length();
        if (room > 0 && text != null) {
            sb.append(text, 0, Math.min(room, text.length()));
        }
    }

    private static String attr(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        if (v == null) {
            return "";
        }
        return v.length() > MAX_MESSAGE ? v.substring(0, MAX_MESSAGE) : v.strip();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(nl + 1).isBlank() ? s.substring(0, nl) : s.substring(nl + 1);
        return line.strip();
    }

    /** The JDK's own StAX implementation, with DTDs and external entities switched off. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f;
    }
}
