/**
 * Windows Event XML (wevtutil, Get-WinEvent ToXml, Event Viewer exports): split into single
 * {@code <Event>} elements by a byte scanner, each parsed by a hardened StAX parser (no DTD, no
 * external entities, bounded sizes).
 */
package io.dscover.collect.windows.xml;
