package io.dscover.model.attack;

/** An ATT&amp;CK tactic, e.g. TA0011 {@code command-and-control} "Command and Control". */
public record Tactic(String id, String shortName, String name) {
}
