/** Assembles the built-in collectors into a registry (kept apart so the framework package knows no format). */
package io.dscover.collect.builtin;
