package io.dscover.model.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Java field of an event class as a schema field. {@link EventSchema} reads these
 * annotations; they are the one place where field names, types and descriptions are written.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Field {
    /** The dotted name rules, JSON and the docs use, e.g. {@code dns.question.name}. */
    String name();

    FieldType type();

    String doc();
}
