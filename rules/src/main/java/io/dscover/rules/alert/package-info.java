/** What the engine reports: the {@link io.dscover.rules.alert.Alert} record and its JSON Lines and table forms. */
package io.dscover.rules.alert;
