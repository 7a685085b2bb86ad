package io.dscover.coverage.report;

import io.dscover.model.event.DataComponent;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** Immutable component sets that iterate in the enum's order, so every report lists components alike. */
final class ComponentSets {

    private ComponentSets() {
    }

    static Set<DataComponent> copy(Set<DataComponent> in) {
        EnumSet<DataComponent> s = EnumSet.noneOf(DataComponent.class);
        s.addAll(in);
        return Collections.unmodifiableSet(s);
    }
}
