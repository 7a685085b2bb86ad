package io.dscover.model.event;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One event type of the schema: its name, fact class, the components it can be evidence of, and its fields. */
public final class EventTypeDef {

    private final String name;
    private final String doc;
    private final Class<? extends NetworkEvent> javaClass;
    private final Set<DataComponent> components;
    private final List<FieldDef> fields;
    private final Map<String, FieldDef> byName;

    EventTypeDef(String name, String doc, Class<? extends NetworkEvent> javaClass, Set<DataComponent> components,
            List<FieldDef> fields) {
        this.name = name;
        this.doc = doc;
        this.javaClass = javaClass;
        this.components = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(components));
        this.fields = List.copyOf(fields);
        Map<String, FieldDef> m = new LinkedHashMap<>();
        for (FieldDef f : fields) {
            m.put(f.name(), f);
        }
        this.byName = Map.copyOf(m);
    }

    public String name() {
        return name;
    }

    public String doc() {
        return doc;
    }

    public Class<? extends NetworkEvent> javaClass() {
        return javaClass;
    }

    /** The components this event type can be evidence of; the first in declaration order is the default. */
    public Set<DataComponent> components() {
        return components;
    }

    /** All fields, common ones first, in declaration order. */
    public List<FieldDef> fields() {
        return fields;
    }

    public Optional<FieldDef> field(String fieldName) {
        return Optional.ofNullable(byName.get(fieldName));
    }

    /** A new, empty event of this type. */
    public NetworkEvent newEvent() {
        try {
            return javaClass.getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException
                | InvocationTargetException e) {
            throw new IllegalStateException("cannot instantiate " + javaClass.getName(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
