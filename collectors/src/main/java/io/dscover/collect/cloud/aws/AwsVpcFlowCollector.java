package io.dscover.collect.cloud.aws;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputSample;
import io.dscover.model.event.DataComponent;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * AWS VPC Flow Logs, every version and custom format: S3 text objects (gzip'd, header line, the
 * {@code AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/} layout) and CloudWatch Logs exports
 * (JSON with the record text in {@code message}).
 *
 * <p>Options: {@code aws.format} — the flow log's format string, for records without a header
 * line (default: the version-2 default format, or every field up to the version a headerless
 * record's field count implies); {@code aws.aggregation-interval} — the flow log's maximum
 * aggregation interval, recorded on every event so rules allow for it (default 10m, the AWS
 * default; 1m when the flow log was created with 60 seconds).
 */
public final class AwsVpcFlowCollector implements Collector {

    public static final String NAME = "aws-vpc";
    public static final String FORMAT_OPTION = "aws.format";
    public static final String INTERVAL_OPTION = "aws.aggregation-interval";
    static final int MAX_LINE_BYTES = 64 * 1024;
    private static final long DEFAULT_INTERVAL = 600_000_000_000L;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "AWS VPC Flow Logs v2-v8, default or custom format (S3 text, gzip, CloudWatch JSON exports)";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("flow");
    }

    @Override
    public Set<DataComponent> components() {
        return EnumSet.of(DataComponent.TRAFFIC_FLOW);
    }

    @Override
    public int probe(InputSample sample) {
        String head = sample.headText();
        int i = 0;
        while (i < head.length() && Character.isWhitespace(head.charAt(i))) {
            i++;
        }
        if (i >= head.length()) {
            return 0;
        }
        char first = head.charAt(i);
        if (first == '{' || first == '[') {
            return probeJson(head);
        }
        int nl = head.indexOf('\n', i);
        String line = (nl < 0 ? head.substring(i) : head.substring(i, nl)).strip();
        if (AwsRecordFormat.header(line) != null) {
            return 100;
        }
        return looksLikeRecord(line) ? 90 : 0;
    }

    private static int probeJson(String head) {
        int m = head.indexOf("\"message\"");
        if (m < 0) {
            return 0;
        }
        int q = head.indexOf('"', head.indexOf(':', m) + 1);
        int end = q < 0 ? -1 : head.indexOf('"', q + 1);
        if (q < 0 || end < 0) {
            return 0;
        }
        String message = head.substring(q + 1, end).strip();
        if (AwsRecordFormat.header(message) != null) {
            return 90;
        }
        return looksLikeRecord(message) ? 90 : 0;
    }

    /** A default-format or all-fields record, or any record naming an interface and an action or status. */
    static boolean looksLikeRecord(String line) {
        String[] t = line.split("\\s+");
        boolean statusOrAction = false;
        boolean eni = false;
        for (String s : t) {
            statusOrAction |= s.equals("ACCEPT") || s.equals("REJECT") || s.equals("NODATA") || s.equals("SKIPDATA");
            eni |= s.startsWith("eni-");
        }
        if (AwsRecordFormat.forFieldCount(t.length) != null && t[0].length() == 1 && t[0].charAt(0) >= '2'
                && t[0].charAt(0) <= '9' && statusOrAction) {
            return true;
        }
        return eni && statusOrAction;
    }

    @Override
    public EventSource open(Input input, CollectorContext context) throws IOException {
        String format = context.options().get(FORMAT_OPTION);
        AwsRecordFormat configured = format == null || format.isBlank() ? null : AwsRecordFormat.parse(format);
        long interval = context.options().duration(INTERVAL_OPTION, DEFAULT_INTERVAL);
        if (startsWithJson(input)) {
            return new AwsJsonSource(input, context.ledger(), configured, interval);
        }
        return new AwsTextSource(input, context.ledger(), configured, interval);
    }

    private static boolean startsWithJson(Input input) throws IOException {
        try (var in = input.open()) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\t' || c == '\r' || c == '\n');
            return c == '{' || c == '[';
        }
    }
}
