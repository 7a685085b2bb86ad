/**
 * The Windows collector: Sysmon Event ID 3 and Security 5156/5157/5158/5159 from native .evtx
 * files, Event XML and the JSON exports, turned into {@code connection} events.
 */
package io.dscover.collect.windows;
