/**
 * The ATT&amp;CK catalog as dscover needs it: DS0029's components, the techniques they detect, tactics,
 * and (for v18+ releases) detection strategies and analytics.
 */
package io.dscover.model.attack;
