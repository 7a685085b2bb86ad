package io.dscover.model.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of every event type and field. Built once from the {@link EventType} and
 * {@link Field} annotations of {@link NetworkEvent}'s permitted subclasses, so the fact classes are
 * the one list of field names; the DSL validator, the DRL generator, JSON, {@code dscover schema}
 * and the docs all read it from here.
 */
public final class EventSchema {

    private static final EventSchema INSTANCE = new EventSchema();

    private static final ClassValue<String> TYPE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            EventType et = type.getAnnotation(EventType.class);
            if (et == null) {
                throw new IllegalStateException(type.getName() + " is not annotated with @EventType");
            }
            return et.name();
        }
    };

    private final List<EventTypeDef> types;
    private final Map<String, EventTypeDef> byName;
    private final Map<Class<?>, EventTypeDef> byClass;

    private EventSchema() {
        List<FieldDef> common = fieldsOf(NetworkEvent.class, NetworkEvent.class, true);
        List<EventTypeDef> list = new ArrayList<>();
        Map<String, EventTypeDef> names = new LinkedHashMap<>();
        Map<Class<?>, EventTypeDef> classes = new LinkedHashMap<>();
        for (Class<?> permitted : NetworkEvent.class.getPermittedSubclasses()) {
            @SuppressWarnings("unchecked")
            Class<? extends NetworkEvent> cls = (Class<? extends NetworkEvent>) permitted;
            EventType et = cls.getAnnotation(EventType.class);
            List<FieldDef> fields = new ArrayList<>(common);
            fields.addAll(fieldsOf(cls, cls, false));
            Set<String> seen = new LinkedHashSet<>();
            for (FieldDef f : fields) {
                if (!seen.add(f.name())) {
                    throw new IllegalStateException(cls.getSimpleName() + " declares field " + f.name() + " twice");
                }
            }
            EventTypeDef def = new EventTypeDef(et.name(), et.doc(), cls,
                    new LinkedHashSet<>(Arrays.asList(et.components())), fields);
            list.add(def);
            if (names.put(et.name(), def) != null) {
                throw new IllegalStateException("two event classes are named " + et.name());
            }
            classes.put(cls, def);
        }
        this.types = List.copyOf(list);
        this.byName = Map.copyOf(names);
        this.byClass = Map.copyOf(classes);
    }

    /** The schema. */
    public static EventSchema get() {
        return INSTANCE;
    }

    static String typeName(Class<?> eventClass) {
        return TYPE_NAMES.get(eventClass);
    }

    /** Event types in declaration order: connection, flow, dns, http, tls, ... */
    public List<EventTypeDef> eventTypes() {
        return types;
    }

    public Optional<EventTypeDef> eventType(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public EventTypeDef eventType(Class<? extends NetworkEvent> eventClass) {
        EventTypeDef def = byClass.get(eventClass);
        if (def == null) {
            throw new IllegalArgumentException("not an event class: " + eventClass.getName());
        }
        return def;
    }

    public EventTypeDef eventTypeOf(NetworkEvent event) {
        return eventType(event.getClass());
    }

    /** Every field name of every type, sorted (for "did you mean" suggestions across types). */
    public Set<String> allFieldNames() {
        Set<String> names = new TreeSet<>();
        for (EventTypeDef t : types) {
            for (FieldDef f : t.fields()) {
                names.add(f.name());
            }
        }
        return names;
    }

    /** The event types that have a field of this name. */
    public List<EventTypeDef> typesWithField(String fieldName) {
        List<EventTypeDef> out = new ArrayList<>();
        for (EventTypeDef t : types) {
            if (t.field(fieldName).isPresent()) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<FieldDef> fieldsOf(Class<?> declaring, Class<?> owner, boolean common) {
        List<FieldDef> out = new ArrayList<>();
        for (java.lang.reflect.Field jf : declaring.getDeclaredFields()) {
            Field f = jf.getAnnotation(Field.class);
            if (f == null) {
                continue;
            }
            Class<?> setterParam = switch (f.type()) {
                case STRING, IP -> String.class;
                case INT, TIME, DURATION -> Long.class;
                case DECIMAL -> Double.class;
                case BOOL -> Boolean.class;
                case STRING_LIST, INT_LIST -> List.class;
            };
            if (f.name().equals("ts")) {
                setterParam = long.class;
            } else if (f.name().equals("event.component")) {
                setterParam = String.class;
            }
            out.add(new FieldDef(f.name(), f.type(), f.doc(), jf.getName(), common, owner, setterParam));
        }
        return out;
    }
}
