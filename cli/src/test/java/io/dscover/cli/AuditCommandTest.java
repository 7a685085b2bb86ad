package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dscover audit} end to end on a small S3-layout export of gzip'd flow log objects. */
class AuditCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Dscover.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Two accounts, two days of objects each, with an exposed SSH server, a scanner and a NODATA gap. */
    private Path export() throws IOException {
        Path root = dir.resolve("bucket");
        long t0 = 1_717_200_000L;
        for (String account : List.of("111111111111", "222222222222")) {
            for (int day = 1; day <= 2; day++) {
                Path folder = root.resolve("AWSLogs/" + account + "/vpcflowlogs/us-east-1/2024/06/0" + day);
                Files.createDirectories(folder);
                List<String> lines = new ArrayList<>();
                lines.add("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status");
                long t = t0 + (day - 1) * 86_400L;
                lines.add("2 " + account + " eni-a" + account.charAt(0) + " 198.51.100.10 10.0.0.5 40000 22 6 10 2000 " + t + " " + (t + 60) + " ACCEPT OK");
                lines.add("2 " + account + " eni-a" + account.charAt(0) + " 10.0.0.5 198.51.100.10 22 40000 6 9 2500 " + t + " " + (t + 60) + " ACCEPT OK");
                for (int p = 1; p <= 30; p++) {
                    lines.add("2 " + account + " eni-a" + account.charAt(0) + " 203.0.113.99 10.0.0.5 50000 " + p + " 6 1 40 " + t + " " + (t + 60) + " REJECT OK");
                }
                lines.add("2 " + account + " eni-b" + account.charAt(0) + " - - - - - - - " + t + " " + (t + 60) + " - NODATA");
                Path obj = folder.resolve(account + "_vpcflowlogs_us-east-1_fl-0abc_2024060" + day + "T0000Z_abcd1234.log.gz");
                try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(obj))) {
                    o.write(String.join("\n", lines).getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        Files.writeString(root.resolve("README.txt"), "exported by the security team\n");
        return root;
    }

    @Test
    void auditsAnS3ExportAndWritesMarkdownHtmlAndJson() throws IOException {
        Path export = export();
        Path html = dir.resolve("audit.html");
        Path json = dir.resolve("audit.json");
        int code = run("audit", "aws", export.toString(), "--html", html.toString(), "--json", json.toString(),
                "--no-progress");
        assertThat(code).as(err.toString()).isZero();
        String md = out.toString();
        assertThat(md).startsWith("# Flow-log audit: aws");
        assertThat(md).contains("accounts / projects / subscriptions | 2: 111111111111, 222222222222");
        assertThat(md).contains("| eni-a1 | 10.0.0.5 | SSH (administration) | tcp/22 | **yes** |");
        assertThat(md).contains("| 203.0.113.99 | - | 120 | 30 | 1 | vertical port scan (30 ports on 1 host)");
        assertThat(md).contains("4 NODATA");
        assertThat(md).contains("rule alerts: engine not yet available");
        assertThat(md).contains("README.txt: not an aws-vpc flow log (skipped)");
        assertThat(Files.readString(html)).contains("<h2>Exposure: administrative and database ports reachable");
        assertThat(Files.readString(json)).contains("\"provider\" : \"aws\"");
        assertThat(err.toString()).contains("-- audit: 4 files read, 1 not aws flow logs");
    }

    @Test
    void aMissingPathIsAUsageError() {
        assertThat(run("audit", "aws", dir.resolve("nope").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no such file or folder");
    }

    @Test
    void anUnknownProviderIsAUsageError() {
        assertThat(run("audit", "oracle", dir.toString())).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aBadAwsFormatIsAUsageErrorNamingTheProblem() throws IOException {
        Path export = export();
        assertThat(run("audit", "aws", export.toString(), "--aws-format", "${version} ${bogus field}", "-q"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("not a flow log field name");
    }
}
