/**
 * Per-group state shared by the stateful constructs: group keys, the capped table of groups that
 * forgets idle ones and evicts (counted) beyond its cap, and the gate that turns a condition into
 * one alert per episode.
 */
package io.dscover.rules.state;
