package io.dscover.model.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dscover.model.event.DataComponent;
import io.dscover.model.stix.AttackPattern;
import io.dscover.model.stix.KillChainPhase;
import io.dscover.model.stix.MitreAnalytic;
import io.dscover.model.stix.MitreCollection;
import io.dscover.model.stix.MitreDataComponent;
import io.dscover.model.stix.MitreDataSource;
import io.dscover.model.stix.MitreDetectionStrategy;
import io.dscover.model.stix.MitreMatrix;
import io.dscover.model.stix.MitreTactic;
import io.dscover.model.stix.Relationship;
import io.dscover.model.stix.StixBundleReader;
import io.dscover.model.stix.StixFormatException;
import io.dscover.model.stix.StixObject;
import io.dscover.model.stix.StixReadFilter;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link AttackCatalog} from a MITRE ATT&amp;CK STIX bundle in one streaming pass. Which
 * detection model the release uses is read from its content: {@code detects} relationships from
 * detection strategies mean the v18+ model (component &lt;- analytic log source &lt;- strategy -&gt;
 * technique), otherwise the legacy model (component {@code detects} technique) applies.
 *
 * <p>Revoked and deprecated techniques are left out of the catalog's techniques (ATT&amp;CK no longer
 * maps anything to them) and kept as {@link RetiredTechnique}s, so a lookup of an old ID can say
 * what replaced it. Revoked or deprecated relationships, strategies and analytics are ignored.
 */
final class StixCatalogReader {

    private static final String DS0029 = "DS0029";
    private static final String STRATEGY_PREFIX = MitreDetectionStrategy.TYPE + "--";
    private static final String COMPONENT_PREFIX = MitreDataComponent.TYPE + "--";

    private static final Set<String> TYPES = Set.of(AttackPattern.TYPE, MitreTactic.TYPE, MitreMatrix.TYPE,
            MitreCollection.TYPE, MitreDataSource.TYPE, MitreDataComponent.TYPE, MitreDetectionStrategy.TYPE,
            MitreAnalytic.TYPE, Relationship.TYPE);

    /** What the catalog needs of a release: its model objects, without the prose it does not show. */
    private static final StixReadFilter FILTER = new StixReadFilter() {
        @Override
        public boolean wantsType(String type) {
            return TYPES.contains(type);
        }

        @Override
        public boolean wantsProperty(String type, String property) {
            return switch (property) {
                case "description" -> type.equals(MitreAnalytic.TYPE);
                case "x_mitre_detection", "x_mitre_contents", "x_mitre_contributors" -> false;
                default -> true;
            };
        }

        @Override
        public boolean wantsValue(String type, String property, String text) {
            return !(type.equals(Relationship.TYPE) && property.equals("relationship_type")
                    && !text.equals(Relationship.DETECTS) && !text.equals(Relationship.REVOKED_BY));
        }

        @Override
        public boolean wantsObject(String type, ObjectNode object) {
            if (!type.equals(Relationship.TYPE)) {
                return true;
            }
            JsonNode rt = object.get("relationship_type");
            String t = rt == null ? "" : rt.asText();
            return t.equals(Relationship.DETECTS) || t.equals(Relationship.REVOKED_BY);
        }
    };

    private final Map<String, AttackPattern> patterns = new LinkedHashMap<>();
    private final List<MitreTactic> tactics = new ArrayList<>();
    private final List<MitreMatrix> matrices = new ArrayList<>();
    private final List<MitreCollection> collections = new ArrayList<>();
    private final Map<String, MitreDataSource> dataSources = new HashMap<>();
    private final Map<String, MitreDataComponent> components = new HashMap<>();
    private final Map<String, MitreDetectionStrategy> strategies = new LinkedHashMap<>();
    private final Map<String, MitreAnalytic> analytics = new HashMap<>();
    private final List<Relationship> detects = new ArrayList<>();
    private final List<Relationship> revokedBy = new ArrayList<>();

    private StixCatalogReader() {
    }

    static AttackCatalog read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new AttackBundleException(name + ": is a folder, not an ATT&CK STIX bundle file");
        }
        StixCatalogReader r = new StixCatalogReader();
        StixBundleReader.Summary summary;
        try {
            summary = StixBundleReader.read(file, FILTER, r::accept);
        } catch (NoSuchFileException e) {
            throw new AttackBundleException(name + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new AttackBundleException(name + ": permission denied", e);
        } catch (StixFormatException e) {
            throw new AttackBundleException(name + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AttackBundleException(name + ": cannot read: " + e.getMessage(), e);
        }
        return r.build(file.getFileName().toString(), summary);
    }

    private void accept(StixObject o) {
        if (o instanceof AttackPattern p) {
            patterns.put(p.id(), p);
        } else if (o instanceof Relationship r) {
            if (!r.retired() && Relationship.DETECTS.equals(r.relationshipType())) {
                detects.add(r);
            } else if (!r.retired() && Relationship.REVOKED_BY.equals(r.relationshipType())) {
                revokedBy.add(r);
            }
        } else if (o instanceof MitreAnalytic a) {
            analytics.put(a.id(), a);
        } else if (o instanceof MitreDetectionStrategy s) {
            strategies.put(s.id(), s);
        } else if (o instanceof MitreDataComponent c) {
            components.put(c.id(), c);
        } else if (o instanceof MitreDataSource s) {
            dataSources.put(s.id(), s);
        } else if (o instanceof MitreTactic t) {
            tactics.add(t);
        } else if (o instanceof MitreMatrix m) {
            matrices.add(m);
        } else if (o instanceof MitreCollection c) {
            collections.add(c);
        }
    }

    private AttackCatalog build(String source, StixBundleReader.Summary summary) {
        boolean strategyModel = detects.stream().anyMatch(r -> r.sourceRef() != null
                && r.sourceRef().startsWith(STRATEGY_PREFIX));
        AttackCatalog.DetectionModel model = strategyModel
                ? AttackCatalog.DetectionModel.DETECTION_STRATEGIES
                : AttackCatalog.DetectionModel.DATA_COMPONENT_DETECTS;
        AttackReleases.Inference release = release(summary, strategyModel);
        AttackCatalog.Builder b = AttackCatalog.builder(source, release.version(), model).versionBasis(release.basis());
        if (summary.malformedObjects() > 0) {
            b.loadWarning(summary.malformedObjects() + " malformed object(s) skipped");
            summary.problems().stream().limit(5).forEach(b::loadWarning);
        }

        List<Tactic> ordered = orderedTactics();
        ordered.forEach(b::tactic);
        Map<String, Integer> tacticRank = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            tacticRank.put(ordered.get(i).shortName(), i);
        }

        Map<String, String> techniqueIdByStixId = new HashMap<>();
        Map<String, List<String>> replacements = replacements();
        for (AttackPattern p : patterns.values()) {
            String id = p.attackId();
            if (id == null || !Technique.isTechniqueId(id)) {
                continue;
            }
            if (p.retired()) {
                boolean revoked = Boolean.TRUE.equals(p.revoked());
                b.retired(new RetiredTechnique(id, p.name() == null ? id : p.name(), revoked ? RetiredTechnique.Status.REVOKED
                        : RetiredTechnique.Status.DEPRECATED, replacements.getOrDefault(p.id(), List.of())));
                continue;
            }
            if (techniqueIdByStixId.containsValue(id)) {
                continue; // two live objects with one ID would be a MITRE error; the first one wins
            }
            techniqueIdByStixId.put(p.id(), id);
            b.technique(new Technique(id, p.name() == null ? id : p.name(), tacticsOf(p, tacticRank)));
        }
        if (techniqueIdByStixId.isEmpty()) {
            throw new AttackBundleException(source + ": no ATT&CK techniques in this bundle (attack-pattern objects with "
                    + "T#### IDs); is it an ATT&CK Enterprise release?");
        }

        Map<String, DataComponent> ds0029 = ds0029Components();
        if (strategyModel) {
            addStrategies(b, techniqueIdByStixId, ds0029);
        } else {
            for (Relationship r : detects) {
                DataComponent c = ds0029.get(r.sourceRef());
                String technique = techniqueIdByStixId.get(r.targetRef());
                if (c != null && technique != null) {
                    b.detects(c, technique);
                }
            }
        }
        return b.build();
    }

    private AttackReleases.Inference release(StixBundleReader.Summary summary, boolean strategyModel) {
        for (MitreCollection c : collections) {
            if (c.xMitreVersion() != null && !c.retired()) {
                return new AttackReleases.Inference(c.xMitreVersion(), "the bundle's x-mitre-collection '"
                        + c.name() + "' says so");
            }
        }
        String day = summary.newestModified() == null ? null : summary.newestModified().date();
        return AttackReleases.infer(day, strategyModel ? "18.0" : null);
    }

    /** Tactics in kill-chain order: the Enterprise matrix's order, else dscover's known order, then the rest. */
    private List<Tactic> orderedTactics() {
        Map<String, MitreTactic> byStixId = new LinkedHashMap<>();
        for (MitreTactic t : tactics) {
            if (!t.retired() && t.xMitreShortname() != null && t.attackId() != null) {
                byStixId.put(t.id(), t);
            }
        }
        List<MitreTactic> out = new ArrayList<>();
        MitreMatrix matrix = matrices.stream().filter(m -> !m.retired() && m.tacticRefs() != null)
                .filter(m -> "enterprise-attack".equals(m.attackId())).findFirst()
                .orElse(matrices.stream().filter(m -> !m.retired() && m.tacticRefs() != null).findFirst().orElse(null));
        if (matrix != null) {
            for (String ref : matrix.tacticRefs()) {
                MitreTactic t = byStixId.get(ref);
                if (t != null && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
        List<String> known = AttackCatalog.embeddedTacticOrder();
        List<MitreTactic> rest = new ArrayList<>(byStixId.values());
        rest.removeAll(out);
        rest.sort(Comparator.comparingInt(t -> {
            int i = known.indexOf(t.xMitreShortname());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        out.addAll(rest);
        List<Tactic> result = new ArrayList<>();
        for (MitreTactic t : out) {
            if (result.stream().noneMatch(x -> x.shortName().equals(t.xMitreShortname()))) {
                result.add(new Tactic(t.attackId(), t.xMitreShortname(), t.name() == null ? t.xMitreShortname() : t.name()));
            }
        }
        return result;
    }

    private static List<String> tacticsOf(AttackPattern p, Map<String, Integer> tacticRank) {
        List<String> out = new ArrayList<>();
        if (p.killChainPhases() != null) {
            for (KillChainPhase k : p.killChainPhases()) {
                if (k != null && k.phaseName() != null && tacticRank.containsKey(k.phaseName())
                        && !out.contains(k.phaseName())) {
                    out.add(k.phaseName());
                }
            }
        }
        out.sort(Comparator.comparingInt(tacticRank::get));
        return out;
    }

    /** revoked object id -> the ATT&amp;CK IDs of what replaced it. */
    private Map<String, List<String>> replacements() {
        Map<String, List<String>> out = new HashMap<>();
        for (Relationship r : revokedBy) {
            AttackPattern target = patterns.get(r.targetRef());
            if (target != null && target.attackId() != null) {
                out.computeIfAbsent(r.sourceRef(), k -> new ArrayList<>()).add(target.attackId());
            }
        }
        return out;
    }

    /**
     * The bundle's data components that are DS0029's: by their STIX ids (stable across releases), or
     * by name under the data source whose ATT&amp;CK ID is DS0029.
     */
    private Map<String, DataComponent> ds0029Components() {
        String ds0029StixId = dataSources.values().stream().filter(s -> DS0029.equals(s.attackId()))
                .map(MitreDataSource::id).findFirst().orElse(null);
        Map<String, DataComponent> out = new HashMap<>();
        for (MitreDataComponent c : components.values()) {
            DataComponent dc = DataComponent.byStixId(c.id()).orElse(null);
            if (dc == null && ds0029StixId != null && ds0029StixId.equals(c.xMitreDataSourceRef())) {
                dc = DataComponent.parse(c.name()).orElse(null);
            }
            if (dc != null) {
                out.put(c.id(), dc);
            }
        }
        return out;
    }

    private void addStrategies(AttackCatalog.Builder b, Map<String, String> techniqueIdByStixId,
            Map<String, DataComponent> ds0029) {
        for (Relationship r : detects) {
            if (r.sourceRef() == null || !r.sourceRef().startsWith(STRATEGY_PREFIX)) {
                continue;
            }
            MitreDetectionStrategy s = strategies.get(r.sourceRef());
            String technique = techniqueIdByStixId.get(r.targetRef());
            if (s == null || s.retired() || technique == null) {
                continue;
            }
            List<DetectionStrategy.Analytic> list = new ArrayList<>();
            for (String ref : s.xMitreAnalyticRefs() == null ? List.<String>of() : s.xMitreAnalyticRefs()) {
                MitreAnalytic a = analytics.get(ref);
                if (a == null || a.retired()) {
                    continue;
                }
                List<DetectionStrategy.LogSource> sources = new ArrayList<>();
                for (MitreAnalytic.LogSourceReference l : nonNull(a.xMitreLogSourceReferences())) {
                    if (l.xMitreDataComponentRef() == null) {
                        continue;
                    }
                    DataComponent dc = ds0029.get(l.xMitreDataComponentRef());
                    MitreDataComponent component = components.get(l.xMitreDataComponentRef());
                    sources.add(new DetectionStrategy.LogSource(l.xMitreDataComponentRef(),
                            component == null ? null : component.name(), dc, l.name(), l.channel()));
                    if (dc != null) {
                        b.detects(dc, technique);
                    }
                }
                List<DetectionStrategy.MutableElement> elements = new ArrayList<>();
                for (MitreAnalytic.MutableElement m : nonNull(a.xMitreMutableElements())) {
                    elements.add(new DetectionStrategy.MutableElement(m.field(), m.description()));
                }
                list.add(new DetectionStrategy.Analytic(a.attackId() == null ? a.id() : a.attackId(),
                        nonNull(a.xMitrePlatforms()), sources, elements));
                if (a.description() != null) {
                    b.analyticDescription(a.attackId() == null ? a.id() : a.attackId(), a.description());
                }
            }
            String strategyId = s.attackId() == null ? s.id() : s.attackId();
            b.strategy(new DetectionStrategy(strategyId, s.name() == null ? strategyId : s.name(), technique, list));
        }
    }

    /** The list without {@code null} elements (a hostile bundle may have them); empty for an absent list. */
    private static <T> List<T> nonNull(List<T> list) {
        if (list == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(list.size());
        for (T t : list) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
