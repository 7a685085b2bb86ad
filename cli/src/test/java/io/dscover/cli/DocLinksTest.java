package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.Collector;
import io.dscover.collect.builtin.BuiltInCollectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The user documentation holds together: every relative link in README.md and docs/ points at a file
 * that exists, every {@code #anchor} at a heading (as GitHub names it) or an {@code <a id>} of that
 * file, and the README's input table names every collector dscover has.
 */
class DocLinksTest {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    record Link(Path doc, int line, String target) {
        @Override
        public String toString() {
            return ROOT.relativize(doc) + ":" + line + ": " + target;
        }
    }

    static List<Path> docs() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(ROOT.resolve("README.md"));
        try (Stream<Path> walk = Files.walk(ROOT.resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    /** The lines of a Markdown file outside fenced code blocks, by line number (from 1). */
    static Map<Integer, String> prose(Path doc) throws IOException {
        Map<Integer, String> out = new java.util.TreeMap<>();
        boolean fenced = false;
        int n = 0;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            n++;
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                out.put(n, line);
            }
        }
        return out;
    }

    static List<Link> links(Path doc) throws IOException {
        List<Link> out = new ArrayList<>();
        for (Map.Entry<Integer, String> line : prose(doc).entrySet()) {
            Matcher m = LINK.matcher(CODE_SPAN.matcher(line.getValue()).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("(?i)(https?|mailto|ftp):.*")) {
                    out.add(new Link(doc, line.getKey(), target));
                }
            }
        }
        return out;
    }

    /** The anchors GitHub gives a Markdown file: one per heading (duplicates numbered), plus explicit ones. */
    static Set<String> anchors(Path doc) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(doc).values()) {
            Matcher a = HTML_ANCHOR.matcher(line);
            while (a.find()) {
                out.add(a.group(1));
            }
            if (line.matches("#{1,6} .*")) {
                String slug = slug(line.replaceFirst("#{1,6} ", ""));
                int count = seen.merge(slug, 1, Integer::sum);
                out.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return out;
    }

    /** GitHub's heading slug: lower case, punctuation other than '-' and '_' dropped, spaces to '-'. */
    static String slug(String heading) {
        StringBuilder sb = new StringBuilder();
        heading.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                sb.appendCodePoint(c);
            } else if (c == ' ') {
                sb.append('-');
            }
        });
        return sb.toString();
    }

    @Test
    void githubSlugsAreComputedAsGithubDoes() {
        assertThat(slug("2. Conditions")).isEqualTo("2-conditions");
        assertThat(slug("`--attack-bundle FILE`: a MITRE release")).isEqualTo("--attack-bundle-file-a-mitre-release");
        assertThat(slug("`dce_rpc`")).isEqualTo("dce_rpc");
    }

    @Test
    void everyRelativeLinkInTheDocsResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path doc : docs()) {
            for (Link link : links(doc)) {
                checked++;
                int hash = link.target().indexOf('#');
                String path = hash < 0 ? link.target() : link.target().substring(0, hash);
                String fragment = hash < 0 ? null : link.target().substring(hash + 1);
                Path target = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
                if (!target.startsWith(ROOT) || !Files.exists(target)) {
                    broken.add(link + " (no such file)");
                } else if (fragment != null && target.toString().endsWith(".md") && !anchors(target).contains(fragment)) {
                    broken.add(link + " (no heading or anchor '" + fragment + "' in " + ROOT.relativize(target) + ")");
                }
            }
        }
        assertThat(checked).as("links found").isGreaterThan(20);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void aBrokenLinkIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path doc = dir.resolve("a.md");
        Files.writeString(doc, "# Title\n\nSee [b](b.md#missing) and [c](#title), `[not](a-link.md)`.\n\n```\n[x](y.md)\n```\n");
        assertThat(links(doc)).extracting(Link::target).containsExactly("b.md#missing", "#title");
        assertThat(anchors(doc)).containsExactly("title");
    }

    @Test
    void theReadmeInputTableNamesEveryCollector() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Inputs");
        assertThat(start).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String inputs = readme.substring(start, end < 0 ? readme.length() : end);
        for (Collector c : BuiltInCollectors.registry().all()) {
            assertThat(inputs).as("README ## Inputs row for collector %s", c.name())
                    .containsPattern("\\| `" + Pattern.quote(c.name()) + "` collector \\| \\[docs/");
        }
    }
}
