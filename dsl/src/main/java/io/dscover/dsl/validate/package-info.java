/**
 * The checks between parsing and code generation, one small class per rule of the language, each
 * named after what it enforces ({@code KnownFields}, {@code TypesAgree}, ...). {@link io.dscover.dsl.validate.Validators}
 * runs them all and every finding is reported in one go.
 */
package io.dscover.dsl.validate;
