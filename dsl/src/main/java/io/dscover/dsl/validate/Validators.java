package io.dscover.dsl.validate;

import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;
import java.util.List;

/** Every validator, in the order their findings are most useful (they are sorted for printing anyway). */
public final class Validators {

    private static final List<Validator> ALL = List.of(
            new UniqueRuleIds(),
            new UniqueNames(),
            new KnownProperties(),
            new PropertyValues(),
            new KnownTechniques(),
            new TechniqueDetectableByComponent(),
            new RuleShape(),
            new KnownEvents(),
            new KnownFields(),
            new KnownNames(),
            new KnownFunctions(),
            new TypesAgree(),
            new RegexCompiles(),
            new ListsWellFormed(),
            new NoUnusedLists(),
            new NoUnusedMacros(),
            new NoMacroCycles(),
            new WindowPositive(),
            new AggregateWellFormed(),
            new SequenceWellFormed(),
            new BeaconWellFormed(),
            new NoUnusedTunables(),
            new TestsWellFormed());

    private Validators() {
    }

    public static List<Validator> all() {
        return ALL;
    }

    public static void run(Program program, Diagnostics out) {
        for (Validator v : ALL) {
            v.validate(program, out);
        }
    }
}
