/**
 * STIX 2.0/2.1 objects as ATT&amp;CK publishes them, read and written with Jackson: typed records for
 * the object types dscover uses, every other type and property kept as JSON so a bundle survives a
 * read/write round trip, and a streaming reader for release-sized bundles.
 */
package io.dscover.model.stix;
