/** The generator of dscover's own demo data (a capture, Zeek logs, a flow-log export, Windows events). */
package io.dscover.cli.demo;
