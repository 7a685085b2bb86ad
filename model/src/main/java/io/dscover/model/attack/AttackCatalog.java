package io.dscover.model.attack;

import io.dscover.model.event.DataComponent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What ATT&amp;CK says about DS0029: the techniques, their tactics, and which of the three Network
 * Traffic components detect each. Built from dscover's embedded DS0029 model ({@link #embeddedDs0029()})
 * or from a MITRE STIX release, whose detection model may be the legacy one (data components
 * {@code detects} techniques, ATT&amp;CK &le; v17) or the v18 one (analytics and detection strategies).
 */
public final class AttackCatalog {

    /** How the release links data components to techniques. */
    public enum DetectionModel {
        /** ATT&amp;CK &le; v17: {@code detects} relationships from data components to techniques. */
        DATA_COMPONENT_DETECTS,
        /** ATT&amp;CK v18+: component &lt;- analytic log source &lt;- detection strategy -&gt; {@code detects} -&gt; technique. */
        DETECTION_STRATEGIES
    }

    private static final String EMBEDDED_TECHNIQUES = "ds0029-techniques.tsv";
    private static final String EMBEDDED_TACTICS = "enterprise-tactics.tsv";

    private final String source;
    private final String attackVersion;
    private final DetectionModel detectionModel;
    private final List<Tactic> tactics;
    private final Map<String, Technique> techniques;
    private final Map<String, Set<DataComponent>> components;
    private final Map<String, List<DetectionStrategy>> strategies;
    private final String versionBasis;
    private final Map<String, RetiredTechnique> retired;
    private final Map<String, String> analyticDescriptions;
    private final List<String> loadWarnings;

    private AttackCatalog(Builder b) {
        this.source = b.source;
        this.attackVersion = b.attackVersion;
        this.detectionModel = b.detectionModel;
        this.tactics = List.copyOf(b.tactics);
        this.techniques = Collections.unmodifiableMap(new TreeMap<>(b.techniques));
        Map<String, Set<DataComponent>> comps = new TreeMap<>();
        b.components.forEach((id, set) -> comps.put(id, Collections.unmodifiableSet(EnumSet.copyOf(set))));
        this.components = Collections.unmodifiableMap(comps);
        Map<String, List<DetectionStrategy>> strat = new TreeMap<>();
        b.strategies.forEach((id, list) -> strat.put(id, List.copyOf(list)));
        this.strategies = Collections.unmodifiableMap(strat);
        this.versionBasis = b.versionBasis;
        Map<String, RetiredTechnique> ret = new TreeMap<>(b.retired);
        ret.keySet().removeAll(b.techniques.keySet()); // a live technique of the same ID wins
        this.retired = Collections.unmodifiableMap(ret);
        this.analyticDescriptions = Map.copyOf(b.analyticDescriptions);
        this.loadWarnings = List.copyOf(b.loadWarnings);
    }

    /**
     * Loads a MITRE ATT&amp;CK release from a STIX bundle file, plain JSON or gzip (recognised by content),
     * STIX 2.0 or 2.1, streaming. The detection model (legacy data-component {@code detects}, or v18+
     * detection strategies) and the release are read from the content.
     *
     * @throws AttackBundleException with a one-line, user-facing message naming the file, when the file is
     *     missing or unreadable, not JSON, not a STIX bundle, truncated, or has no ATT&amp;CK techniques
     */
    public static AttackCatalog load(java.nio.file.Path bundle) {
        return StixCatalogReader.read(bundle);
    }

    /** dscover's built-in model: DS0029 as ATT&amp;CK v10.1 published it (58 + 96 + 82 entries, 131 techniques). */
    public static AttackCatalog embeddedDs0029() {
        return EmbeddedHolder.INSTANCE;
    }

    private static final class EmbeddedHolder {
        static final AttackCatalog INSTANCE = readEmbedded();
    }

    private static AttackCatalog readEmbedded() {
        Builder b = builder("embedded DS0029 model", "10.1", DetectionModel.DATA_COMPONENT_DETECTS)
                .versionBasis("dscover's embedded model reproduces DS0029 as ATT&CK v10.1 published it");
        for (String[] row : tsv(EMBEDDED_TACTICS)) {
            b.tactic(new Tactic(row[0], row[1], row[2]));
        }
        List<String> order = embeddedTacticOrder();
        for (String[] row : tsv(EMBEDDED_TECHNIQUES)) {
            // kill-chain order, as Technique promises (the resource lists them as MITRE's objects do)
            List<String> tacticsInOrder = new ArrayList<>(List.of(row[3].split(",")));
            tacticsInOrder.sort(java.util.Comparator.comparingInt(order::indexOf));
            b.technique(new Technique(row[0], row[1], tacticsInOrder));
            for (String c : row[2].split(",")) {
                b.detects(DataComponent.parse(c).orElseThrow(), row[0]);
            }
        }
        return b.build();
    }

    /** Tactic shortnames in the kill-chain order of the embedded Enterprise tactics. */
    static List<String> embeddedTacticOrder() {
        List<String> out = new ArrayList<>();
        for (String[] row : tsv(EMBEDDED_TACTICS)) {
            out.add(row[1]);
        }
        return out;
    }

    private static List<String[]> tsv(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = AttackCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Where the catalog came from, e.g. "embedded DS0029 model" or a bundle's file name. */
    public String source() {
        return source;
    }

    /** The ATT&amp;CK release, e.g. {@code 10.1} or {@code 18.1}. */
    public String attackVersion() {
        return attackVersion;
    }

    /** How the release was determined, e.g. "newest object modified 2025-11-12; ATT&amp;CK 18.1 was published 2025-11-13". */
    public String versionBasis() {
        return versionBasis;
    }

    public DetectionModel detectionModel() {
        return detectionModel;
    }

    /** Enterprise tactics in kill-chain order. */
    public List<Tactic> tactics() {
        return tactics;
    }

    public Optional<Tactic> tactic(String shortName) {
        return tactics.stream().filter(t -> t.shortName().equals(shortName)).findFirst();
    }

    /** Every technique the catalog knows (for a full release: all of Enterprise), sorted by ID. */
    public List<Technique> techniques() {
        return List.copyOf(techniques.values());
    }

    public Optional<Technique> technique(String id) {
        return Optional.ofNullable(techniques.get(id));
    }

    /** "Application Layer Protocol: DNS" for a sub-technique; the name for a parent. */
    public String fullName(Technique t) {
        if (!t.isSubtechnique()) {
            return t.name();
        }
        Technique parent = techniques.get(t.parentId());
        return parent == null ? t.name() : parent.name() + ": " + t.name();
    }

    /** The DS0029 components that detect a technique (empty when none does, or the ID is unknown). */
    public Set<DataComponent> detectingComponents(String techniqueId) {
        return components.getOrDefault(techniqueId, Set.of());
    }

    /** The techniques a component detects, sorted by ID. */
    public List<Technique> detectedBy(DataComponent component) {
        List<Technique> out = new ArrayList<>();
        components.forEach((id, set) -> {
            if (set.contains(component) && techniques.containsKey(id)) {
                out.add(techniques.get(id));
            }
        });
        return out;
    }

    /** The techniques any DS0029 component detects, sorted by ID (131 in the embedded model). */
    public List<Technique> ds0029Techniques() {
        List<Technique> out = new ArrayList<>();
        components.forEach((id, set) -> {
            if (!set.isEmpty() && techniques.containsKey(id)) {
                out.add(techniques.get(id));
            }
        });
        return out;
    }

    /** The v18+ detection strategies for a technique (empty for legacy releases and the embedded model). */
    public List<DetectionStrategy> detectionStrategies(String techniqueId) {
        return strategies.getOrDefault(techniqueId, List.of());
    }

    /**
     * A technique ID this release has revoked or deprecated (empty when the ID is live or unknown; the
     * embedded model knows none).
     */
    public Optional<RetiredTechnique> retiredTechnique(String id) {
        return Optional.ofNullable(retired.get(id));
    }

    /** Every revoked or deprecated technique ID of the release, sorted by ID. */
    public List<RetiredTechnique> retiredTechniques() {
        return List.copyOf(retired.values());
    }

    /** What went wrong while loading without stopping it, e.g. malformed objects that were skipped; empty when nothing did. */
    public List<String> loadWarnings() {
        return loadWarnings;
    }

    /** What an analytic (AN####) of a v18+ release looks for, in ATT&amp;CK's words; empty when unknown. */
    public Optional<String> analyticDescription(String analyticId) {
        return Optional.ofNullable(analyticDescriptions.get(analyticId));
    }

    public static Builder builder(String source, String attackVersion, DetectionModel model) {
        return new Builder(source, attackVersion, model);
    }

    /** Assembles a catalog; used by the embedded reader and by the STIX bundle reader. */
    public static final class Builder {
        private final String source;
        private final String attackVersion;
        private final DetectionModel detectionModel;
        private final List<Tactic> tactics = new ArrayList<>();
        private final Map<String, Technique> techniques = new LinkedHashMap<>();
        private final Map<String, Set<DataComponent>> components = new LinkedHashMap<>();
        private final Map<String, List<DetectionStrategy>> strategies = new LinkedHashMap<>();
        private final Map<String, RetiredTechnique> retired = new LinkedHashMap<>();
        private final Map<String, String> analyticDescriptions = new LinkedHashMap<>();
        private String versionBasis = "";
        private final List<String> loadWarnings = new ArrayList<>();

        private Builder(String source, String attackVersion, DetectionModel model) {
            this.source = source;
            this.attackVersion = attackVersion;
            this.detectionModel = model;
        }

        public Builder tactic(Tactic t) {
            tactics.add(t);
            return this;
        }

        public Builder technique(Technique t) {
            techniques.put(t.id(), t);
            return this;
        }

        public Builder detects(DataComponent component, String techniqueId) {
            components.computeIfAbsent(techniqueId, id -> EnumSet.noneOf(DataComponent.class)).add(component);
            return this;
        }

        public Builder strategy(DetectionStrategy s) {
            strategies.computeIfAbsent(s.techniqueId(), id -> new ArrayList<>()).add(s);
            return this;
        }

        /** How the release version was determined (shown to users next to the version). */
        public Builder versionBasis(String basis) {
            this.versionBasis = basis;
            return this;
        }

        public Builder retired(RetiredTechnique t) {
            retired.putIfAbsent(t.id(), t);
            return this;
        }

        public Builder loadWarning(String warning) {
            loadWarnings.add(warning);
            return this;
        }

        public Builder analyticDescription(String analyticId, String description) {
            analyticDescriptions.put(analyticId, description);
            return this;
        }

        public AttackCatalog build() {
            return new AttackCatalog(this);
        }
    }
}
