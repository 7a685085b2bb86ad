/**
 * The Zeek collector: Zeek's ASCII (TSV) and JSON logs, every header directive honoured, turned into
 * dscover events per log path (conn, dns, http, ssl with x509 joined, ssh, smb, ...), with unknown
 * logs and columns kept as extra fields and every bad line accounted for in the ledger.
 */
package io.dscover.collect.zeek;
