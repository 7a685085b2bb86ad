/**
 * What the cloud flow-log collectors (AWS, GCP, Azure) share: streaming the records of a provider's
 * JSON export one at a time, whatever array or envelope wraps them.
 */
package io.dscover.collect.cloud;
