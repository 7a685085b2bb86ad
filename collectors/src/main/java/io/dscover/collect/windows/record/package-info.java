/**
 * One Windows event as every export form carries it (the System fields and the EventData
 * name/value pairs), and the element callbacks the XML and EVTX readers build it from.
 */
package io.dscover.collect.windows.record;
