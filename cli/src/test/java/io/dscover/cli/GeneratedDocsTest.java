package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The generated pages of {@code docs/} match what the code generates now. When one fails, regenerate it
 * with the command in the message and commit the result.
 */
class GeneratedDocsTest {

    static void assertUpToDate(Path file, String generated, String command) throws IOException {
        assertThat(Files.exists(file)).as("%s is missing; create it with: %s", file, command).isTrue();
        String current = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(current).as("%s is out of date; regenerate it with: %s", file, command).isEqualTo(generated);
    }

    @Test
    void eventReferenceIsUpToDate() throws IOException {
        assertUpToDate(Path.of("docs/events.md"), SchemaReference.markdown(),
                "./dscover schema --format markdown > docs/events.md");
    }

    @Test
    void cliReferenceIsUpToDate() throws IOException {
        assertUpToDate(Path.of("docs/cli.md"), CliReference.markdown(), "./dscover docs cli > docs/cli.md");
    }

    @Test
    void cliReferenceCoversEveryVisibleCommandAndSubcommand() {
        String md = CliReference.markdown();
        assertThat(md).contains("\n## dscover\n", "\n## dscover attack\n", "\n## dscover attack list\n",
                "\n## dscover attack show\n", "\n## dscover schema\n", "\n## dscover collect\n", "\n## dscover demo\n",
                "\n## dscover coverage\n", "--run-json=FILE", "--fail-under=PCT",
                "--attack-bundle=FILE");
        assertThat(md).doesNotContain("## dscover docs", "## dscover generate-completion", "## dscover help");
    }
}
