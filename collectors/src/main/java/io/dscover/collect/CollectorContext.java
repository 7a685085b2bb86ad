package io.dscover.collect;

import java.util.List;

/**
 * What a collector gets besides its input: settings, the ledger to count into, and the other
 * inputs of the same run (so a Zeek ssl.log reader can join the x509.log beside it).
 */
public record CollectorContext(CollectorOptions options, InputLedger ledger, List<Input> siblings) {

    public CollectorContext {
        siblings = List.copyOf(siblings);
    }

    public static CollectorContext of(InputLedger ledger) {
        return new CollectorContext(CollectorOptions.empty(), ledger, List.of());
    }
}
