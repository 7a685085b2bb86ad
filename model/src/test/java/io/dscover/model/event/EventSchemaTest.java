package io.dscover.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/** The registry every other part of dscover reads field names from. */
class EventSchemaTest {

    final EventSchema schema = EventSchema.get();

    @Test
    void hasTheEventTypesOfTheArchitecture() {
        assertThat(schema.eventTypes()).extracting(EventTypeDef::name)
                .contains("connection", "flow", "dns", "http", "tls", "ssh", "icmp")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyTypeStartsWithTheCommonFieldsInOneOrder() {
        List<String> common = schema.eventTypes().get(0).fields().stream().filter(FieldDef::common)
                .map(FieldDef::name).toList();
        assertThat(common).contains("ts", "event.component", "event.provider", "log.file.path", "log.record",
                "source.ip", "source.port", "destination.ip", "destination.port", "network.transport",
                "network.community_id");
        for (EventTypeDef t : schema.eventTypes()) {
            assertThat(t.fields().subList(0, common.size())).extracting(FieldDef::name).as(t.name())
                    .isEqualTo(common);
            assertThat(t.fields().subList(common.size(), t.fields().size())).as(t.name())
                    .noneMatch(FieldDef::common);
        }
    }

    @Test
    void fieldNamesAreUniquePerTypeAndDottedLowerCase() {
        for (EventTypeDef t : schema.eventTypes()) {
            Set<String> seen = new HashSet<>();
            for (FieldDef f : t.fields()) {
                assertThat(seen.add(f.name())).as("%s.%s twice", t.name(), f.name()).isTrue();
                assertThat(f.name()).as(t.name()).matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
                assertThat(t.field(f.name())).hasValue(f);
            }
        }
    }

    @Test
    void aFieldOfOneNameHasOneTypeInEveryEventType() {
        for (String name : schema.allFieldNames()) {
            Set<FieldType> types = new HashSet<>();
            schema.typesWithField(name).forEach(t -> types.add(t.field(name).orElseThrow().type()));
            assertThat(types).as(name).hasSize(1);
        }
    }

    /** The DRL generator writes {@code javaProperty}; Drools reads it through a bean getter of the fact class. */
    @Test
    void everyFieldIsABeanPropertyDroolsCanRead() throws IntrospectionException {
        for (EventTypeDef t : schema.eventTypes()) {
            PropertyDescriptor[] props = Introspector.getBeanInfo(t.javaClass()).getPropertyDescriptors();
            for (FieldDef f : t.fields()) {
                assertThat(SourceVersion.isIdentifier(f.javaProperty()) && !SourceVersion.isKeyword(f.javaProperty()))
                        .as(f.javaProperty()).isTrue();
                PropertyDescriptor p = java.util.Arrays.stream(props).filter(d -> d.getName().equals(f.javaProperty()))
                        .findFirst().orElse(null);
                assertThat(p).as("%s: bean property %s", t.name(), f.javaProperty()).isNotNull();
                assertThat(p.getReadMethod()).as("%s: getter of %s", t.name(), f.javaProperty()).isNotNull();
            }
        }
    }

    @Test
    void everyTypeAndFieldIsDocumentedAndNamesItsComponents() {
        for (EventTypeDef t : schema.eventTypes()) {
            assertThat(t.doc()).as(t.name()).isNotBlank();
            assertThat(t.components()).as(t.name()).isNotEmpty();
            assertThat(t.fields()).allSatisfy(f -> assertThat(f.doc()).as(f.name()).isNotBlank());
        }
    }

    @Test
    void genericAccessReadsAndWritesEveryField() {
        for (EventTypeDef t : schema.eventTypes()) {
            NetworkEvent e = t.newEvent();
            assertThat(schema.eventTypeOf(e)).isSameAs(t);
            assertThat(e.eventType()).isEqualTo(t.name());
            for (FieldDef f : t.fields()) {
                Object v = switch (f.type()) {
                    case STRING -> f.name().equals("event.component")
                            ? t.components().iterator().next().attackName() : "x";
                    case IP -> "10.0.0.1";
                    case INT, DURATION -> 7L;
                    case TIME -> 1_000_000_000L;
                    case DECIMAL -> 0.5;
                    case BOOL -> Boolean.TRUE;
                    case STRING_LIST -> List.of("a");
                    case INT_LIST -> List.of(1L);
                };
                f.set(e, v);
                assertThat(f.get(e)).as("%s.%s", t.name(), f.name()).isEqualTo(v);
            }
        }
    }
}
