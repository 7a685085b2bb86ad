package io.dscover.collect.windows.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.collect.InputLedger;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading EVTX files: structure, templates, checksums, and what happens to damaged parts. */
class EvtxRecordsTest {

    static final String SYSMON_FIRST_RECORD = "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">"
            + "<System><Provider Name=\"Microsoft-Windows-Sysmon\" Guid=\"{5770385F-C22A-43E0-BF4C-06F5698FFBD9}\"/>"
            + "<EventID>3</EventID><Version>5</Version><Level>4</Level><Task>3</Task><Opcode>0</Opcode>"
            + "<Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime=\"2019-05-14T17:17:26.4438523Z\"/>"
            + "<EventRecordID>32008</EventRecordID><Correlation/><Execution ProcessID=\"1580\" ThreadID=\"3960\"/>"
            + "<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>alice.insecurebank.local</Computer>"
            + "<Security UserID=\"S-1-5-18\"/></System>"
            + "<EventData><Data Name=\"RuleName\"></Data><Data Name=\"UtcTime\">2019-05-14 17:17:24.597</Data>"
            + "<Data Name=\"ProcessGuid\">{ECAD0485-F2EC-5CDA-0000-0010F1631500}</Data><Data Name=\"ProcessId\">4092</Data>"
            + "<Data Name=\"Image\">C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe</Data>"
            + "<Data Name=\"User\">insecurebank\\Administrator</Data><Data Name=\"Protocol\">tcp</Data>"
            + "<Data Name=\"Initiated\">true</Data><Data Name=\"SourceIsIpv6\">false</Data>"
            + "<Data Name=\"SourceIp\">10.59.4.20</Data><Data Name=\"SourceHostname\">alice.insecurebank.local</Data>"
            + "<Data Name=\"SourcePort\">49583</Data><Data Name=\"SourcePortName\"></Data><Data Name=\"DestinationIsIpv6\">false</Data>"
            + "<Data Name=\"DestinationIp\">10.59.4.11</Data><Data Name=\"DestinationHostname\">DC1</Data>"
            + "<Data Name=\"DestinationPort\">389</Data><Data Name=\"DestinationPortName\">ldap</Data></EventData></Event>";

    record Read(List<String> xml, List<Long> ids, InputLedger ledger) {
    }

    static Read read(byte[] file, boolean skipBadChunks) throws IOException {
        InputLedger ledger = new InputLedger("test.evtx");
        RenderedXml xml = new RenderedXml();
        List<String> out = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try (EvtxRecords r = new EvtxRecords(new ByteArrayInputStream(file), ledger, skipBadChunks)) {
            while (r.next(xml)) {
                out.add(xml.take());
                ids.add(r.recordNumber());
            }
        }
        return new Read(out, ids, ledger);
    }

    @Test
    void rendersEachRecordAsWindowsShowsIt() throws IOException {
        Read r = read(SampleEvtx.mixedFile(), false);
        assertThat(r.xml()).hasSize(7);
        assertThat(r.xml().get(0)).isEqualTo(SYSMON_FIRST_RECORD);
        assertThat(r.ids()).containsExactly(32008L, 32009L, 32010L, 227694L, 227695L, 227696L, 227697L);
        assertThat(r.ledger().rejected()).isZero();
        assertThat(r.ledger().recordsRead()).isEqualTo(7);
    }

    @Test
    void laterRecordsReuseTheTemplateStoredInTheFirst() throws IOException {
        Read r = read(SampleEvtx.mixedFile(), false);
        // record 2 carries no template definition, only its offset and values
        assertThat(r.xml().get(1)).contains("<EventRecordID>32009</EventRecordID>", "<Data Name=\"DestinationPort\">445</Data>")
                .startsWith("<Event xmlns=");
        assertThat(r.xml().get(3)).contains("<Provider Name=\"Microsoft-Windows-Security-Auditing\"",
                "<EventID>5156</EventID>", "<Keywords>0x8020000000000000</Keywords>", "<Security/>",
                "<Data Name=\"ProcessID\">820</Data>", "<Data Name=\"RemoteUserID\">S-1-0-0</Data>");
    }

    @Test
    void aRecordDataChecksumMismatchIsCountedAndTheRecordsAreStillRead() throws IOException {
        byte[] file = SampleEvtx.mixedFile();
        flipInsideLastRecordString(file);
        Read r = read(file, false);
        assertThat(r.ledger().rejectedByReason()).containsEntry("chunk data checksum mismatch", 1L);
        assertThat(r.xml()).hasSize(7);
        assertThat(r.ledger().examples().get(0).render())
                .isEqualTo("test.evtx:offset 4096 (chunk 0): chunk data checksum mismatch: stored 0x"
                        + r.ledger().examples().get(0).detail().substring(9, 17) + ", computed 0x"
                        + r.ledger().examples().get(0).detail().substring(30, 38) + "; records read anyway");
    }

    @Test
    void withSkipBadChunksAChunkFailingItsChecksumIsSkipped() throws IOException {
        byte[] file = SampleEvtx.mixedFile();
        flipInsideLastRecordString(file);
        Read r = read(file, true);
        assertThat(r.xml()).isEmpty();
        assertThat(r.ledger().rejectedByReason()).containsEntry("chunk data checksum mismatch", 1L);
        assertThat(r.ledger().examples().get(0).detail()).endsWith("chunk skipped");
    }

    @Test
    void aHeaderChecksumMismatchIsCounted() throws IOException {
        byte[] file = SampleEvtx.mixedFile();
        file[4096 + 8] ^= 1; // first record number, covered by the chunk header CRC
        file[30] ^= 1; // next record identifier, covered by the file header CRC
        Read r = read(file, false);
        assertThat(r.ledger().rejectedByReason()).containsOnlyKeys("chunk header checksum mismatch",
                "file header checksum mismatch");
        assertThat(r.xml()).hasSize(7);
    }

    @Test
    void aRecordWithABrokenSizeIsRejectedAndTheNextRecordIsFound() throws IOException {
        byte[] file = SampleEvtx.mixedFile();
        int second = indexOfRecord(file, 32009);
        file[second + 4] ^= 0x10; // its size no longer matches the copy at its end
        Read r = read(file, false);
        assertThat(r.ids()).containsExactly(32008L, 32010L, 227694L, 227695L, 227696L, 227697L);
        assertThat(r.ledger().rejectedByReason()).containsKeys("bad record header", "chunk data checksum mismatch");
        assertThat(r.ledger().examples()).anySatisfy(p -> assertThat(p.render())
                .isEqualTo("test.evtx:offset " + second + " (chunk 0): bad record header: size " + sizeAt(file, second)
                        + " not repeated at the record's end"));
    }

    @Test
    void aTruncatedFileYieldsTheRecordsBeforeTheCut() throws IOException {
        byte[] file = SampleEvtx.mixedFile();
        int cut = indexOfRecord(file, 227696) + 40;
        Read r = read(Arrays.copyOf(file, cut), false);
        assertThat(r.ids()).containsExactly(32008L, 32009L, 32010L, 227694L, 227695L);
        assertThat(r.ledger().rejectedByReason()).containsKey("truncated chunk");
    }

    @Test
    void unusedZeroChunksAreSkippedAndAStreamStartingWithAChunkIsRead() throws IOException {
        byte[] file = SampleEvtx.mixedFile();
        byte[] withEmpty = Arrays.copyOf(file, file.length + EvtxChunk.SIZE);
        Read r = read(withEmpty, false);
        assertThat(r.xml()).hasSize(7);
        assertThat(r.ledger().skippedByReason()).containsEntry("unused chunk", 1L);

        byte[] carvedChunk = Arrays.copyOfRange(file, 4096, file.length);
        assertThat(read(carvedChunk, false).xml()).hasSize(7);
    }

    @Test
    void somethingElseIsNotAnEvtxFile() throws IOException {
        Read r = read("<Events></Events>".getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
        assertThat(r.xml()).isEmpty();
        assertThat(r.ledger().rejectedByReason()).containsOnlyKeys("not an EVTX file");
    }

    /** Changes one character of the last record's Application string (inside the CRC'd record data). */
    static void flipInsideLastRecordString(byte[] file) {
        int at = indexOfRecord(file, 227697);
        byte[] needle = "svchost".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        for (int i = at; i < file.length - needle.length; i++) {
            if (Arrays.equals(file, i, i + needle.length, needle, 0, needle.length)) {
                file[i] = 'S';
                return;
            }
        }
        throw new AssertionError("no svchost in the last record");
    }

    static int indexOfRecord(byte[] file, long id) {
        for (int i = 4096 + 512; i + 16 < file.length; i++) {
            if (file[i] == '*' && file[i + 1] == '*' && file[i + 2] == 0 && file[i + 3] == 0
                    && LittleEndian.u64(file, i + 8) == id) {
                return i;
            }
        }
        throw new AssertionError("no record " + id);
    }

    private static long sizeAt(byte[] file, int at) {
        return LittleEndian.u32(file, at + 4);
    }
}
