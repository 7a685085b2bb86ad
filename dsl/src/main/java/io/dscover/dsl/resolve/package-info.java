/**
 * Name resolution and typing shared by the validators and the generator: which list, macro, tunable
 * or field a name means in a rule, and the value type of every term.
 */
package io.dscover.dsl.resolve;
