/**
 * The rules engine: compiles DRL to a Drools KieBase (cached by content hash), replays events in
 * event-time order through STREAM sessions with a pseudo clock, and feeds what the rules match into
 * the incremental state machines that raise alerts, deterministically.
 */
package io.dscover.rules.engine;
