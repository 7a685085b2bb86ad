package io.dscover.coverage.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dscover.coverage.run.RunRecord;
import io.dscover.dsl.diagnostic.DidYouMean;
import io.dscover.model.event.DataComponent;
import io.dscover.model.event.EventSchema;
import io.dscover.model.event.EventTypeDef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link TelemetryProfile}s: from a {@code telemetry.yaml} (ARCHITECTURE.md section 7), from the
 * inputs of a run, or as everything dscover can collect. A source supplies, per event type it delivers,
 * the components that event type can be evidence of <em>and</em> the collector declares: Zeek declares
 * Network Connection Creation and Network Traffic Flow, so its {@code dns} events are flow evidence, never
 * content.
 */
public final class TelemetryProfiles {

    /** A profile is a short hand-written file; anything larger is a mistake (or hostile). */
    static final int MAX_PROFILE_BYTES = 1 << 20;

    private static final Set<String> TOP_KEYS = Set.of("sources", "name");
    private static final Set<String> SOURCE_KEYS = Set.of("collector", "logs", "events");

    private TelemetryProfiles() {
    }

    /** Every collector that reads telemetry, with all it can produce. */
    public static TelemetryProfile everything(List<CollectorCapability> capabilities) {
        List<TelemetrySource> sources = new ArrayList<>();
        for (CollectorCapability c : capabilities) {
            if (c.telemetrySource()) {
                sources.add(whole(c));
            }
        }
        return new TelemetryProfile(TelemetryProfile.Origin.DEFAULT, "everything dscover can collect", sources);
    }

    /** A collector's whole input. */
    public static TelemetrySource whole(CollectorCapability c) {
        return new TelemetrySource(c.name(), "", List.of(), supplied(c, c.eventTypes()));
    }

    /**
     * Some parts of a collector's input (Zeek logs, Windows events).
     *
     * @throws IllegalArgumentException for a part the collector does not have
     */
    public static TelemetrySource parts(CollectorCapability c, List<String> chosen) {
        SourceParts parts = SourceParts.of(c.name())
                .orElseThrow(() -> new IllegalArgumentException(c.name() + " has no parts to choose"));
        Set<String> types = new LinkedHashSet<>();
        for (String p : chosen) {
            types.addAll(parts.eventTypes(p).orElseThrow(() -> new IllegalArgumentException(
                    c.name() + " has no " + parts.key() + " '" + p + "'")));
        }
        types.retainAll(c.eventTypes());
        return new TelemetrySource(c.name(), parts.key(), chosen, supplied(c, types));
    }

    /** Per event type (schema order) the components the collector's events of that type carry. */
    static Map<String, Set<DataComponent>> supplied(CollectorCapability c, Set<String> eventTypes) {
        Map<String, Set<DataComponent>> out = new LinkedHashMap<>();
        for (EventTypeDef t : EventSchema.get().eventTypes()) {
            if (!eventTypes.contains(t.name())) {
                continue;
            }
            Set<DataComponent> comps = EnumSet.noneOf(DataComponent.class);
            comps.addAll(t.components());
            comps.retainAll(c.components());
            if (!comps.isEmpty()) {
                out.put(t.name(), comps);
            }
        }
        return out;
    }

    /**
     * What a run's collectors actually delivered: one source per collector that produced events, with the
     * event types it produced. A collector this dscover does not know (a record from a newer version) is
     * taken at its events' word: each event type with all the components it can carry.
     */
    public static TelemetryProfile fromRun(RunRecord run, String description, List<CollectorCapability> capabilities) {
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (RunRecord.Input in : run.inputs()) {
            if (in.collector().isEmpty()) {
                continue;
            }
            in.events().forEach((type, n) -> {
                if (n > 0) {
                    seen.computeIfAbsent(in.collector(), k -> new LinkedHashSet<>()).add(type);
                }
            });
        }
        List<TelemetrySource> sources = new ArrayList<>();
        seen.forEach((collector, types) -> {
            CollectorCapability c = capabilities.stream().filter(x -> x.name().equals(collector)).findFirst()
                    .orElse(new CollectorCapability(collector, "", types, EnumSet.allOf(DataComponent.class), true));
            Set<String> known = new LinkedHashSet<>(types);
            known.retainAll(c.eventTypes());
            sources.add(new TelemetrySource(collector, "", List.of(), supplied(c, known)));
        });
        return new TelemetryProfile(TelemetryProfile.Origin.RUN, description, sources);
    }

    /** Reads a {@code telemetry.yaml}. */
    public static TelemetryProfile read(Path file, List<CollectorCapability> capabilities)
            throws TelemetryProfileException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_PROFILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new TelemetryProfileException(file + ": no such file");
        } catch (IOException e) {
            throw new TelemetryProfileException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_PROFILE_BYTES) {
            throw new TelemetryProfileException(file + ": larger than " + MAX_PROFILE_BYTES
                    + " bytes; a telemetry profile lists a few sources");
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), file.toString(), capabilities);
    }

    /** Parses a profile's text; {@code name} is used in messages and as the profile's description. */
    public static TelemetryProfile parse(String yaml, String name, List<CollectorCapability> capabilities)
            throws TelemetryProfileException {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ":";
            throw new TelemetryProfileException(name + ":" + where + " not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new TelemetryProfileException(name + ": empty; a profile needs 'sources:' with at least one collector");
        }
        if (!root.isObject()) {
            throw new TelemetryProfileException(name + ": must be a mapping with 'sources:'");
        }
        unknownKeys(root, TOP_KEYS, name, "");
        JsonNode sourcesNode = root.get("sources");
        if (sourcesNode == null || !sourcesNode.isArray() || sourcesNode.isEmpty()) {
            throw new TelemetryProfileException(name + ": 'sources' must be a list of at least one "
                    + "'- collector: NAME' entry");
        }
        Map<String, CollectorCapability> byName = new LinkedHashMap<>();
        capabilities.forEach(c -> byName.put(c.name(), c));
        Map<String, TelemetrySource> sources = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < sourcesNode.size(); i++) {
            String at = "sources[" + (i + 1) + "]";
            JsonNode s = sourcesNode.get(i);
            if (!s.isObject()) {
                throw new TelemetryProfileException(name + ": " + at + " must be a mapping such as 'collector: zeek'");
            }
            unknownKeys(s, SOURCE_KEYS, name, at + ".");
            JsonNode cn = s.get("collector");
            if (cn == null || !cn.isTextual() || cn.asText().isBlank()) {
                throw new TelemetryProfileException(name + ": " + at + ".collector is missing; known collectors: "
                        + String.join(", ", byName.keySet()));
            }
            String collector = cn.asText().trim();
            CollectorCapability c = byName.get(collector);
            if (c == null) {
                throw new TelemetryProfileException(name + ": " + at + ".collector: unknown collector '" + collector
                        + "'" + DidYouMean.suffix(collector, byName.keySet()) + " (known: "
                        + String.join(", ", byName.keySet()) + ")");
            }
            TelemetrySource source = source(c, s, name, at, notes);
            TelemetrySource earlier = sources.get(collector);
            sources.put(collector, earlier == null ? source : merge(c, earlier, source));
        }
        String description = root.path("name").isTextual() ? root.get("name").asText() : name;
        return new TelemetryProfile(TelemetryProfile.Origin.FILE, description, List.copyOf(sources.values()), notes);
    }

    private static TelemetrySource source(CollectorCapability c, JsonNode s, String name, String at, List<String> notes)
            throws TelemetryProfileException {
        Optional<SourceParts> parts = SourceParts.of(c.name());
        for (String key : List.of("logs", "events")) {
            JsonNode list = s.get(key);
            if (list == null) {
                continue;
            }
            if (parts.isEmpty() || !parts.get().key().equals(key)) {
                throw new TelemetryProfileException(name + ": " + at + "." + key + ": collector " + c.name()
                        + (parts.isEmpty() ? " reads its whole input; remove '" + key + "'"
                                : " chooses '" + parts.get().key() + "', not '" + key + "'"));
            }
            if (!list.isArray() || list.isEmpty()) {
                throw new TelemetryProfileException(name + ": " + at + "." + key + " must be a list such as ["
                        + String.join(", ", parts.get().parts().keySet().stream().limit(3).toList())
                        + "]; leave it out to mean all of them");
            }
            List<String> chosen = new ArrayList<>();
            for (int j = 0; j < list.size(); j++) {
                JsonNode p = list.get(j);
                String part = p.isTextual() || p.isNumber() ? p.asText().trim() : "";
                if (part.isEmpty() || parts.get().eventTypes(part).isEmpty()) {
                    throw new TelemetryProfileException(name + ": " + at + "." + key + "[" + (j + 1) + "]: " + c.name()
                            + " has no " + key + " '" + part + "'" + DidYouMean.suffix(part, parts.get().parts().keySet())
                            + " (known: " + String.join(", ", parts.get().parts().keySet()) + ")");
                }
                if (!parts.get().parts().containsKey(part)) {
                    // Zeek has many more logs (files, x509, dpd, ntp, your own); they are read as log events
                    String closest = DidYouMean.suffix(part, parts.get().parts().keySet());
                    notes.add(name + ": " + at + "." + key + "[" + (j + 1) + "]: " + c.name() + " " + key + " '" + part
                            + "' has no event type of its own; it counts as " + String.join(", ", parts.get().eventTypes(part).get())
                            + " events" + closest);
                }
                if (!chosen.contains(part)) {
                    chosen.add(part);
                }
            }
            return parts(c, chosen);
        }
        return whole(c);
    }

    /** Two entries for one collector: their union (the whole input wins over parts). */
    private static TelemetrySource merge(CollectorCapability c, TelemetrySource a, TelemetrySource b) {
        if (a.parts().isEmpty() || b.parts().isEmpty()) {
            return whole(c);
        }
        List<String> union = new ArrayList<>(a.parts());
        b.parts().stream().filter(p -> !union.contains(p)).forEach(union::add);
        return parts(c, union);
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String name, String at)
            throws TelemetryProfileException {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!allowed.contains(e.getKey())) {
                throw new TelemetryProfileException(name + ": " + at + e.getKey() + ": unknown key"
                        + DidYouMean.suffix(e.getKey(), allowed) + " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }
}
