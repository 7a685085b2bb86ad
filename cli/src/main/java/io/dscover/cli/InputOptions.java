package io.dscover.cli;

import io.dscover.collect.CollectorOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by every command that reads inputs (collect, detect, audit). */
final class InputOptions {

    @Option(names = "--collector", paramLabel = "NAME",
            description = "Read every input with this collector instead of detecting the format.")
    String collector;

    @Option(names = "--collector-option", paramLabel = "KEY=VALUE",
            description = "A collector setting, e.g. pcap.tcp-timeout=5m (see docs/cli.md for the keys).")
    Map<String, String> collectorOptions = new LinkedHashMap<>();

    @Option(names = "--aws-format", paramLabel = "FORMAT",
            description = "The AWS flow log format for records without a header line, e.g. \"$${version} $${account-id} $${interface-id} ...\" (same as --collector-option aws.format=...).")
    String awsFormat;

    CollectorOptions toCollectorOptions() {
        CollectorOptions options = CollectorOptions.of(collectorOptions);
        return awsFormat == null ? options : options.with("aws.format", awsFormat);
    }
}
