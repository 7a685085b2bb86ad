package io.dscover.collect.archfixture;

import io.dscover.rules.archfixture.RulesEngineStandIn;

/** Test fixture: a "collector" that breaks the module boundary on purpose, so the ArchUnit rule can be seen to fail. */
public final class CollectorThatImportsRules {
    public Object engine() {
        return new RulesEngineStandIn();
    }
}
