/**
 * The syntax tree of {@code .det} files: immutable records, each with the {@link io.dscover.dsl.source.SourceSpan}
 * it was parsed from, so validators and the generator can point at exactly what they talk about.
 */
package io.dscover.dsl.ast;
