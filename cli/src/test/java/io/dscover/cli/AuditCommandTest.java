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
        assertThat(md).contains("## Rule alerts by technique", "rules (the built-in library;", "ran over 128 events");
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

    @Test
    void ruleWindowsDoNotMixTheClocksOfTwoAccounts() throws IOException {
        // the export holds account 1's two days, then account 2's: one 30-port scan per account and day
        Path export = export();
        int code = run("audit", "aws", export.toString(), "--no-progress", "--rules",
                "cli/src/test/resources/audit/rejected-port-sweep.det");
        assertThat(code).as(err.toString()).isZero();
        String md = out.toString();
        // the built-in rules run too: the site rule's own count is in the per-rule list
        assertThat(md).containsPattern("\\| T1046 \\| Network Service Scanning \\| \\d+ \\| [^|]*rejected_port_sweep")
                .containsPattern("By rule: [^\\n]*\\brejected_port_sweep 4[,.]");
        assertThat(md).contains("The export's clock went back more than 60 minutes 1 time (several accounts or projects)");
        assertThat(md).contains("source.ip=203.0.113.99 destination.ip=10.0.0.5 (ports 30)");
    }

    @Test
    void rulesWithErrorsStopTheAuditWithTheirDiagnostics() throws IOException {
        Path rules = dir.resolve("broken.det");
        Files.writeString(rules, "rule r {\n  title: \"t\"\n  severity: low\n  techniques: [T1046]\n  match flw\n}\n");
        assertThat(run("audit", "aws", export().toString(), "--no-progress", "--no-color", "--rules", rules.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("broken.det:5:9: error: unknown event type 'flw'; did you mean 'flow'?",
                "the rules have errors (above); nothing was audited");
        assertThat(out.toString()).isEmpty();
    }

    /** Accepted flows from a public address to a private one on 22, 3389 or 6379, counted from the raw records. */
    private static long acceptedAdminFlowsFromTheInternet(Path export) throws IOException {
        long n = 0;
        List<Path> files;
        try (java.util.stream.Stream<Path> walk = Files.walk(export)) {
            files = walk.filter(p -> p.toString().endsWith(".log.gz")).toList();
        }
        for (Path f : files) {
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(f))) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                    String[] c = line.split(" ");
                    if (c.length == 14 && c[12].equals("ACCEPT") && List.of("22", "3389", "6379").contains(c[6])
                            && !isPrivate(c[3]) && isPrivate(c[4])) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static boolean isPrivate(String ip) {
        return ip.startsWith("10.") || ip.startsWith("192.168.") || ip.matches("172\\.(1[6-9]|2\\d|3[01])\\..*");
    }

    @Test
    void theDemoExportsExposedAdminPortsRaiseTheSiteRulesAlerts() throws IOException {
        Path data = dir.resolve("demo");
        DemoData.copyTo(data);
        Path export = data.resolve("aws-export");
        long expected = acceptedAdminFlowsFromTheInternet(export);
        assertThat(expected).as("the demo export plants exposed SSH, RDP and Redis").isGreaterThanOrEqualTo(3);
        Path json = dir.resolve("audit.json");
        int code = run("audit", "aws", export.toString(), "--no-progress", "--json", json.toString(), "--rules",
                "cli/src/test/resources/audit/admin-ports-from-internet.det");
        assertThat(code).as(err.toString()).isZero();
        String md = out.toString();
        assertThat(md).containsPattern("\\| T1133 \\| External Remote Services \\| \\d+ \\| [^|]*admin_port_from_internet")
                .containsPattern("By rule: [^\\n]*\\badmin_port_from_internet " + expected + "[,.]");
        assertThat(md).contains("admin_port_from_internet: 198.51.100.200:51000 -> 10.0.1.25:22/tcp");
        // the exposure section found the same services the rule did
        assertThat(md).contains("| eni-0bastion00000002 | 10.0.1.25 | SSH (administration) | tcp/22 |",
                "| eni-0win0000000000003 | 10.0.1.40 | RDP (administration) | tcp/3389 |",
                "| eni-0cache00000000004 | 10.0.3.15 | Redis (database) | tcp/6379 |");
        assertThat(Files.readString(json)).contains("\"techniqueId\" : \"T1133\"", "admin_port_from_internet " + expected);
    }

    @Test
    void noRulesLeavesTheSectionOutAndSaysSo() throws IOException {
        assertThat(run("audit", "aws", export().toString(), "--no-progress", "--no-rules")).isZero();
        assertThat(out.toString()).contains("## Rule alerts by technique\n\nRules not run (--no-rules).")
                .contains("| 203.0.113.99 | - | 120 | 30 | 1 | vertical port scan (30 ports on 1 host)");
        assertThat(run("audit", "aws", export().toString(), "--no-rules", "--rules", "x.det")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--no-rules and --rules contradict each other");
    }
}
