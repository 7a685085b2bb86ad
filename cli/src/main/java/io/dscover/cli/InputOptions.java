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

    CollectorOptions toCollectorOptions() {
        return CollectorOptions.of(collectorOptions);
    }
}
