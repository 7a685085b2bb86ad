package io.dscover.model.event;

import java.util.Locale;
import java.util.Optional;

/** The three data components of ATT&amp;CK data source DS0029 (Network Traffic). */
public enum DataComponent {
    CONNECTION_CREATION("Network Connection Creation", "connection",
            "x-mitre-data-component--181a9f8c-c780-4f1f-91a8-edb770e904ba", "DC0082"),
    TRAFFIC_CONTENT("Network Traffic Content", "content",
            "x-mitre-data-component--3772e279-27d6-477a-9fe3-c6beb363594c", "DC0085"),
    TRAFFIC_FLOW("Network Traffic Flow", "flow",
            "x-mitre-data-component--a7f22107-02e5-4982-9067-6625d4a1765a", "DC0078");

    private final String attackName;
    private final String shortName;
    private final String stixId;
    private final String v18Id;

    DataComponent(String attackName, String shortName, String stixId, String v18Id) {
        this.attackName = attackName;
        this.shortName = shortName;
        this.stixId = stixId;
        this.v18Id = v18Id;
    }

    /** The component's name in ATT&amp;CK, e.g. "Network Traffic Flow". */
    public String attackName() {
        return attackName;
    }

    /** The short name the CLI accepts: connection, content or flow. */
    public String shortName() {
        return shortName;
    }

    /** The STIX id, the same in every ATT&amp;CK release. */
    public String stixId() {
        return stixId;
    }

    /** The ATT&amp;CK ID the component got in v18 (DC####). */
    public String v18Id() {
        return v18Id;
    }

    /** Accepts the ATT&amp;CK name, the short name or the enum name, case-insensitively. */
    public static Optional<DataComponent> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        for (DataComponent c : values()) {
            if (c.attackName.equalsIgnoreCase(t) || c.shortName.equalsIgnoreCase(t)
                    || c.name().equalsIgnoreCase(t.replace('-', '_').toUpperCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static Optional<DataComponent> byStixId(String stixId) {
        for (DataComponent c : values()) {
            if (c.stixId.equals(stixId)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
