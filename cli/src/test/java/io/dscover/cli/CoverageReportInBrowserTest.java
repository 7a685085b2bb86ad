package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dscover.coverage.report.Level;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's HTML report in a real browser (headless Chromium; skipped when none is installed, {@code .ci/run}
 * installs Debian's {@code chromium}): what a person sees is the report's numbers and a heat map with one cell
 * per technique and tactic, coloured by level. The screenshot is kept as a build artefact in
 * {@code cli/target/browser/coverage-report.png}.
 */
class CoverageReportInBrowserTest {

    static final Path SCREENSHOT = Path.of("cli/target/browser/coverage-report.png");
    /** The level colours of the report (LevelColors), as a person sees them. */
    static final int[] LEVEL_RGB = {0xf4b6b0, 0xfcd77f, 0xa8dc8f, 0x3f9c4a};

    @TempDir
    static Path dir;
    static Path report;
    static JsonNode json;

    @BeforeAll
    static void writeTheDemoReport() throws IOException {
        Path out = dir.resolve("dscover-report");
        CommandRun r = CommandRun.of("demo", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        report = out.resolve("coverage.html");
        json = new ObjectMapper().readTree(out.resolve("coverage.json").toFile());
    }

    static Optional<String> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p.toString());
                }
            }
        }
        return Optional.empty();
    }

    /** Runs headless Chromium on the report; returns its stdout. */
    static String chromium(String... args) throws Exception {
        String exe = chromium().orElseThrow();
        List<String> cmd = new ArrayList<>(List.of(exe, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile")));
        cmd.addAll(List.of(args));
        cmd.add(report.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static String testId(String dom, String id) {
        Matcher m = Pattern.compile("data-testid=\"" + id + "\">([^<]*)<").matcher(dom);
        assertThat(m.find()).as("a card showing " + id).isTrue();
        return m.group(1);
    }

    static int cellsAt(Level level) {
        int n = 0;
        for (JsonNode e : json.get("entries")) {
            if (e.get("level").asInt() == level.score()) {
                n += e.get("tactics").size();
            }
        }
        return n;
    }

    @Test
    void theRenderedPageShowsTheReportsNumbersAndOneHeatMapCellPerTechniqueAndTactic() throws Exception {
        assumeTrue(chromium().isPresent(), "no chromium on PATH");
        String dom = chromium("--dump-dom");
        assertThat(dom).contains("<h1>DS0029 Network Traffic coverage</h1>");
        assertThat(testId(dom, "entries")).isEqualTo(json.at("/summary/entries").asText());
        assertThat(testId(dom, "visible")).isEqualTo(json.at("/summary/visible/entries").asText());
        assertThat(testId(dom, "detected")).isEqualTo(json.at("/summary/detected/entries").asText());
        assertThat(testId(dom, "validated")).isEqualTo(json.at("/summary/validated/entries").asText());
        assertThat(testId(dom, "none")).isEqualTo(json.at("/summary/byLevel/none").asText());
        // the page's script ran in the browser and counted the cells it shows, by level
        Matcher cells = Pattern.compile("data-heatmap-cells=\"([^\"]*)\"").matcher(dom);
        assertThat(cells.find()).as("the report's script ran").isTrue();
        assertThat(cells.group(1)).isEqualTo("0:" + cellsAt(Level.NONE) + " 1:" + cellsAt(Level.VISIBLE) + " 2:"
                + cellsAt(Level.DETECTED) + " 3:" + cellsAt(Level.VALIDATED));
        for (JsonNode e : json.get("entries")) {
            assertThat(dom).contains("data-id=\"" + e.get("id").asText() + "\" data-level=\"" + e.get("level").asInt() + "\"");
        }
    }

    @Test
    void theScreenshotShowsTheLevelColoursOfTheHeatMap() throws Exception {
        assumeTrue(chromium().isPresent(), "no chromium on PATH");
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        chromium("--window-size=1600,2000", "--hide-scrollbars", "--screenshot=" + SCREENSHOT.toAbsolutePath());
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertThat(image).as("a PNG screenshot").isNotNull();
        assertThat(image.getWidth()).isEqualTo(1600);
        int[] pixels = new int[LEVEL_RGB.length];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                for (int l = 0; l < LEVEL_RGB.length; l++) {
                    if (close(rgb, LEVEL_RGB[l])) {
                        pixels[l]++;
                    }
                }
            }
        }
        for (Level l : Level.values()) {
            if (cellsAt(l) > 0) {
                assertThat(pixels[l.score()]).as("pixels in the colour of %s", l.label()).isGreaterThan(500);
            }
        }
    }

    static boolean close(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 4) {
                return false;
            }
        }
        return true;
    }
}
