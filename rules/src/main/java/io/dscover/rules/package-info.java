/** The built-in rule library and the runtime that runs compiled rules over events. */
package io.dscover.rules;
