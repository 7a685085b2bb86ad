/** Application-protocol dissectors (DNS, HTTP, TLS, SSH, ICMP, FTP, SMTP, RDP, SMB, DCE/RPC, SNMP, TFTP, ...) and content-based protocol detection. */
package io.dscover.collect.pcap.proto;
