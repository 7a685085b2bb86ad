package io.dscover.rules.engine;

import io.dscover.dsl.runtime.DetectionActions;
import io.dscover.model.event.NetworkEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.drools.base.util.Drools;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EventProcessingOption;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL to a STREAM-mode KieBase with Drools' executable model, and caches the compiled
 * kjar by content hash: a cold build costs 5–10 s on this class of machine, a reload of the cached
 * bytes about 1.5 s (DROOLS-NOTES §2.1).
 *
 * <p>The cache key covers the DRL, the Drools version and the classes the compiled rules link
 * against (the event model and the DSL's runtime), so a changed model never reuses stale code. An
 * unreadable cache entry is rebuilt, never fatal. Entries are written to a temporary file and
 * moved into place, so concurrent runs never read half a file.
 */
final class RuleBaseCompiler {

    /** Bumped when the way rule bases are built here changes. */
    private static final String FORMAT = "dscover-kjar-1";
    private static final String KIE_BASE = "dscover";
    /**
     * Drools' own version, from its Maven metadata: {@code Drools.getFullVersion()} reads the jar
     * manifest, which in dscover's single jar is dscover's, so it would not name the Drools release.
     */
    private static final String DROOLS_VERSION = droolsVersion();

    /** Classpath folder of kjars compiled at build time. */
    static final String BUNDLED_FOLDER = "META-INF/dscover/kjar/";
    /** The list of the folder's kjars (a jar's folders cannot be listed cheaply). */
    static final String INDEX = "INDEX";

    private RuleBaseCompiler() {
    }

    /** A compiled rule base and how it was obtained. */
    record Compiled(KieBase kieBase, String hash, boolean fromCache, long millis) {
    }

    static Compiled compile(List<String> drls, Path cacheDir) {
        long start = System.nanoTime();
        String hash = hash(drls);
        KieServices ks = KieServices.get();
        KieBase bundled = bundled(bundledResource(drls));
        if (bundled != null) {
            return new Compiled(bundled, hash, true, (System.nanoTime() - start) / 1_000_000);
        }
        // without a fingerprint of the linked classes a cached kjar could be stale: do not cache then
        Path cached = cacheDir == null || CodeFingerprint.VALUE.contains("unknown") ? null
                : cacheDir.resolve(hash + ".kjar");
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                KieBase base = load(ks, Files.readAllBytes(cached));
                return new Compiled(base, hash, true, (System.nanoTime() - start) / 1_000_000);
            } catch (IOException | RuntimeException | LinkageError e) {
                // a damaged or incompatible entry costs a rebuild, nothing else
            }
        }
        Built built = build(ks, drls, hash);
        if (cached != null) {
            store(cached, built.kjar());
        }
        return new Compiled(built.kieBase(), hash, false, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Compiles DRL into kjar bytes to ship on the classpath (built at Maven build time for the
     * built-in library, see {@link Engine#precompile}); {@link #compile} then loads them instead of
     * compiling.
     */
    static byte[] kjar(List<String> drls) {
        return build(KieServices.get(), drls, hash(drls)).kjar();
    }

    /**
     * Where a kjar compiled at build time is looked up: under the hash of the DRL and the Drools
     * version only. The code fingerprint of the file cache is not needed, as the kjar ships in the
     * same build as the classes it links against.
     */
    static String bundledResource(List<String> drls) {
        MessageDigest sha = sha256();
        update(sha, FORMAT);
        update(sha, DROOLS_VERSION);
        for (String drl : drls) {
            update(sha, drl);
        }
        return BUNDLED_FOLDER + HexFormat.of().formatHex(sha.digest()) + ".kjar";
    }

    /** The rule base of a kjar compiled at build time (prefetched or loaded now); null when there is none. */
    private static KieBase bundled(String resource) {
        CompletableFuture<KieBase> prefetched = PREFETCHED.get(resource);
        if (prefetched != null) {
            try {
                KieBase base = prefetched.join();
                if (base != null) {
                    return base;
                }
            } catch (RuntimeException e) {
                // loading it failed in the background: try once more here
            }
        }
        return loadBundled(resource);
    }

    private static KieBase loadBundled(String resource) {
        try (InputStream in = RuleBaseCompiler.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : load(KieServices.get(), in.readAllBytes());
        } catch (IOException | RuntimeException | LinkageError e) {
            return null; // a bundled kjar that cannot be loaded is rebuilt like any other miss
        }
    }

    /** Build-time kjars being loaded in the background, by resource name. */
    private static final Map<String, CompletableFuture<KieBase>> PREFETCHED = new ConcurrentHashMap<>();

    /**
     * Starts loading every kjar compiled at build time on a background thread, so the load overlaps
     * with whatever the caller does next (compiling the rules that turn out to match it). Loading a
     * kjar costs about a second of CPU, so call it only when such a match is likely.
     */
    static void prefetchBundled() {
        List<String> resources = new ArrayList<>();
        try (InputStream in = RuleBaseCompiler.class.getClassLoader().getResourceAsStream(BUNDLED_FOLDER + INDEX)) {
            if (in == null) {
                return;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    resources.add(BUNDLED_FOLDER + line.strip());
                }
            }
        } catch (IOException e) {
            return;
        }
        for (String r : resources) {
            PREFETCHED.computeIfAbsent(r, k -> CompletableFuture.supplyAsync(() -> loadBundled(k), runnable -> {
                Thread t = new Thread(runnable, "dscover-kjar-prefetch");
                t.setDaemon(true);
                t.start();
            }));
        }
    }

    private record Built(KieBase kieBase, byte[] kjar) {
    }

    private static Built build(KieServices ks, List<String> drls, String hash) {
        ReleaseId releaseId = ks.newReleaseId("io.dscover.rules.compiled", "rules-" + hash.substring(0, 24), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        KieModuleModel module = ks.newKieModuleModel();
        module.newKieBaseModel(KIE_BASE).setDefault(true).setEventProcessingMode(EventProcessingOption.STREAM);
        kfs.writeKModuleXML(module.toXML());
        for (int i = 0; i < drls.size(); i++) {
            kfs.write("src/main/resources/io/dscover/rules/compiled/rules" + i + ".drl", drls.get(i));
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<String> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(describe(m, drls));
        }
        if (!problems.isEmpty()) {
            throw new DrlCompilationException(problems);
        }
        InternalKieModule kieModule = (InternalKieModule) builder.getKieModule();
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase base = container.getKieBase(KIE_BASE);
        ks.getRepository().removeKieModule(releaseId);
        return new Built(base, kieModule.getBytes());
    }

    private static KieBase load(KieServices ks, byte[] kjar) {
        KieModule module = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(kjar));
        KieContainer container = ks.newKieContainer(module.getReleaseId());
        KieBase base = container.getKieBase(KIE_BASE);
        ks.getRepository().removeKieModule(module.getReleaseId());
        return base;
    }

    /** Entries the file cache keeps; older ones are deleted when a new one is stored. */
    static final int CACHE_ENTRIES = 64;

    private static void store(Path target, byte[] kjar) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try {
                Files.write(tmp, kjar);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune(target.getParent());
        } catch (IOException e) {
            // the cache only saves time: a read-only or full disk must not fail the run
        }
    }

    private static String droolsVersion() {
        try (java.io.InputStream in = Drools.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-base/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall back to what Drools says
        }
        return Drools.getFullVersion();
    }

    /**
     * Keeps the newest {@link #CACHE_ENTRIES} kjars: every rebuild of the event classes changes every
     * key, so without pruning the cache would only grow.
     */
    private static void prune(Path dir) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> p.getFileName().toString().endsWith(".kjar")).toList();
        }
        if (entries.size() <= CACHE_ENTRIES) {
            return;
        }
        List<Path> oldestFirst = new ArrayList<>(entries);
        oldestFirst.sort(java.util.Comparator.comparingLong(RuleBaseCompiler::modified));
        for (Path p : oldestFirst.subList(0, oldestFirst.size() - CACHE_ENTRIES)) {
            Files.deleteIfExists(p);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String describe(Message m, List<String> drls) {
        StringBuilder sb = new StringBuilder();
        String text = m.getText().strip();
        if (m.getPath() != null) {
            String name = m.getPath().replaceFirst("^(src/main/resources/)?io/dscover/rules/compiled/", "");
            sb.append(name);
            int line = m.getLine() > 0 ? m.getLine() : locate(text, name, drls);
            if (line > 0) {
                sb.append(':').append(line);
                if (m.getLine() > 0 && m.getColumn() > 0) {
                    sb.append(':').append(m.getColumn());
                }
            }
            sb.append(": ");
        }
        return sb.append(text).toString();
    }

    /**
     * The executable model reports constraint errors without a line ("Unable to parse left part of
     * expression: x == 1"); when the quoted expression occurs once in the DRL, its line is the place.
     */
    private static int locate(String text, String resourceName, List<String> drls) {
        int colon = text.lastIndexOf(": ");
        java.util.regex.Matcher index = java.util.regex.Pattern.compile("rules(\\d+)\\.drl$").matcher(resourceName);
        if (colon < 0 || !index.find()) {
            return 0;
        }
        int i = Integer.parseInt(index.group(1));
        String expression = text.substring(colon + 2).strip();
        if (i >= drls.size() || expression.length() < 3) {
            return 0;
        }
        String drl = drls.get(i);
        int at = drl.indexOf(expression);
        if (at < 0 || drl.indexOf(expression, at + 1) >= 0) {
            return 0;
        }
        int line = 1;
        for (int k = 0; k < at; k++) {
            if (drl.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    static String hash(List<String> drls) {
        MessageDigest sha = sha256();
        update(sha, FORMAT);
        update(sha, DROOLS_VERSION);
        update(sha, CodeFingerprint.VALUE);
        for (String drl : drls) {
            update(sha, drl);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        // length-prefixed, so ["ab","c"] and ["a","bc"] differ
        sha.update(java.nio.ByteBuffer.allocate(8).putLong(b.length).array());
        sha.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * Identifies the build of the classes compiled rules link against: for a jar its size and
     * modification time, for a class directory (development) the same over its files.
     */
    private static final class CodeFingerprint {
        static final String VALUE = compute();

        private static String compute() {
            StringBuilder sb = new StringBuilder();
            for (Class<?> c : new Class<?>[] {NetworkEvent.class, DetectionActions.class}) {
                sb.append(c.getName()).append('@').append(location(c)).append(';');
            }
            return sb.toString();
        }

        private static String location(Class<?> c) {
            try {
                CodeSource source = c.getProtectionDomain().getCodeSource();
                if (source == null || source.getLocation() == null) {
                    return "unknown";
                }
                Path p = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(p)) {
                    return p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
                }
                long files = 0;
                long newest = 0;
                long bytes = 0;
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                        files++;
                        bytes += Files.size(f);
                        newest = Math.max(newest, Files.getLastModifiedTime(f).toMillis());
                    }
                }
                return p + ":" + files + ":" + bytes + ":" + newest;
            } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
                return "unknown";
            }
        }
    }
}
