package io.dscover.cli;

import io.dscover.collect.Collector;
import io.dscover.collect.CollectorContext;
import io.dscover.collect.CollectorOptions;
import io.dscover.collect.CollectorRegistry;
import io.dscover.collect.EventSource;
import io.dscover.collect.Input;
import io.dscover.collect.InputLedger;
import io.dscover.collect.InputSample;
import io.dscover.collect.Inputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the paths a user names into opened event sources: expands folders, detects each input's
 * format, and keeps a ledger per input. Inputs no collector recognises are reported, not fatal.
 */
final class InputReader {

    /** An input with the collector chosen for it and its ledger. */
    record PlannedInput(Input input, Collector collector, InputLedger ledger) {
    }

    private final CollectorRegistry registry;
    private final CollectorOptions options;
    private final List<PlannedInput> planned = new ArrayList<>();
    private final List<InputLedger> ledgers = new ArrayList<>();
    private List<Input> siblings = List.of();

    /** The skip reason of a file found in a folder that no collector recognises (printed compactly). */
    static final String IGNORED = "not a format dscover reads (found in a folder; ignored)";

    InputReader(CollectorRegistry registry, CollectorOptions options) {
        this.registry = registry;
        this.options = options;
    }

    /**
     * Expands and detects; throws a usage error for a path that does not exist or an unknown collector name.
     * A file named on the command line that no collector recognises is rejected; one found by walking a
     * folder (a README beside the logs) is only noted as ignored.
     */
    void plan(List<Path> paths, String forcedCollector) {
        Collector forced = null;
        if (forcedCollector != null) {
            forced = registry.byName(forcedCollector).orElseThrow(() -> new UserError(ExitCodes.USAGE,
                    "unknown collector '" + forcedCollector + "'; known: " + registry.names()));
        }
        for (Path path : paths) {
            boolean walked = Files.isDirectory(path);
            List<Input> inputs;
            try {
                inputs = Inputs.expand(List.of(path));
            } catch (NoSuchFileException e) {
                throw new UserError(ExitCodes.USAGE, e.getFile() + ": no such file or folder");
            } catch (IOException e) {
                throw new UserError(ExitCodes.INPUT, "cannot list inputs: " + e.getMessage());
            }
            for (Input input : inputs) {
                planOne(input, forced, walked);
            }
        }
        siblings = planned.stream().map(PlannedInput::input).toList();
    }

    private void planOne(Input input, Collector forced, boolean foundInFolder) {
        InputLedger ledger = new InputLedger(input.displayName());
        ledgers.add(ledger);
        Collector chosen = forced;
        if (chosen == null && input.path() == null) {
            // stdin can be read once: detection would consume it, so it needs --collector or is JSON Lines
            chosen = registry.byName("jsonl").orElseThrow();
        }
        if (chosen == null) {
            try {
                Optional<Collector> detected = registry.detect(CollectorRegistry.sample(input));
                if (detected.isEmpty()) {
                    if (foundInFolder) {
                        ledger.skip(IGNORED);
                    } else {
                        ledger.reject("offset 0", "unrecognised format",
                                "no collector recognises this input (use --collector NAME)");
                    }
                    return;
                }
                chosen = detected.get();
            } catch (IOException e) {
                ledger.reject("offset 0", "unreadable input", String.valueOf(e.getMessage()));
                return;
            }
        }
        ledger.setCollector(chosen.name());
        planned.add(new PlannedInput(input, chosen, ledger));
    }

    List<PlannedInput> planned() {
        return planned;
    }

    /** Ledgers of every input, planned or not, in the order named. */
    List<InputLedger> ledgers() {
        return ledgers;
    }

    /** Opens a planned input; an I/O failure is recorded in its ledger and yields empty. */
    Optional<EventSource> open(PlannedInput p) {
        try {
            return Optional.of(p.collector().open(p.input(), new CollectorContext(options, p.ledger(), siblings)));
        } catch (IOException e) {
            p.ledger().reject("offset 0", "unreadable input", String.valueOf(e.getMessage()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, p.input().displayName() + ": " + e.getMessage());
        }
    }
}
