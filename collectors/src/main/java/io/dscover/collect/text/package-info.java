/** Bounded, line-oriented reading of text inputs (Zeek TSV, flow logs, JSON Lines) with positions for diagnostics. */
package io.dscover.collect.text;
