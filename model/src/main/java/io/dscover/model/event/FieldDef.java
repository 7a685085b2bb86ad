package io.dscover.model.event;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * One field of one event type: its dotted name, value type, description, and the Java property
 * the DRL generator refers to. {@link #get} and {@link #set} give generic access for JSON, test
 * events and reports; collectors use the typed setters directly.
 */
public final class FieldDef {

    private final String name;
    private final FieldType type;
    private final String doc;
    private final String javaProperty;
    private final boolean common;
    private final MethodHandle getter;
    private final MethodHandle setter;

    FieldDef(String name, FieldType type, String doc, String javaProperty, boolean common,
            Class<?> owner, Class<?> setterParameter) {
        this.name = name;
        this.type = type;
        this.doc = doc;
        this.javaProperty = javaProperty;
        this.common = common;
        String suffix = Character.toUpperCase(javaProperty.charAt(0)) + javaProperty.substring(1);
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle g = lookup.findVirtual(owner, "get" + suffix,
                    MethodType.methodType(owner.getMethod("get" + suffix).getReturnType()));
            this.getter = g.asType(MethodType.methodType(Object.class, NetworkEvent.class));
            MethodHandle s = lookup.findVirtual(owner, "set" + suffix, MethodType.methodType(void.class, setterParameter));
            this.setter = s.asType(MethodType.methodType(void.class, NetworkEvent.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("event class " + owner.getName() + " lacks accessors for " + name, e);
        }
    }

    /** The dotted name, e.g. {@code dns.question.name}. */
    public String name() {
        return name;
    }

    public FieldType type() {
        return type;
    }

    public String doc() {
        return doc;
    }

    /** The JavaBean property of the fact class, e.g. {@code dnsQuestionName}, for generated DRL. */
    public String javaProperty() {
        return javaProperty;
    }

    /** Whether every event type has this field (time, provenance, 5-tuple, ...). */
    public boolean common() {
        return common;
    }

    /** The value in its Java form (String, Long, Double, Boolean, List), or {@code null} when unset. */
    public Object get(NetworkEvent event) {
        try {
            return getter.invokeExact(event);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Sets the value; it must already be of this field's Java type (see {@link FieldValues#convert}).
     *
     * @throws IllegalArgumentException when it is not
     */
    public void set(NetworkEvent event, Object value) {
        Objects.requireNonNull(event, "event");
        try {
            setter.invokeExact(event, value);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(name + " takes a " + type.displayName() + ", not "
                    + (value == null ? "null" : value.getClass().getSimpleName()), e);
        } catch (NullPointerException e) {
            throw new IllegalArgumentException(name + " cannot be unset", e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public String toString() {
        return name + " (" + type.displayName() + ")";
    }
}
