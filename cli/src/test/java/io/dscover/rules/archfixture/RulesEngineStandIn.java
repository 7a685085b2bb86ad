package io.dscover.rules.archfixture;

/** Test fixture standing in for a class of the rules module. */
public final class RulesEngineStandIn {
}
