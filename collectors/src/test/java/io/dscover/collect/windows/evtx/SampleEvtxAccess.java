package io.dscover.collect.windows.evtx;

/** Lets tests outside this package write the sample EVTX file. */
public final class SampleEvtxAccess {

    private SampleEvtxAccess() {
    }

    public static byte[] mixedFile() {
        return SampleEvtx.mixedFile();
    }

    /** Writes an EVTX file of about {@code records} records (Sysmon EID 3 and 5156 alternating), chunks filled as Windows fills them. */
    public static void largeFile(java.nio.file.Path path, int records) throws java.io.IOException {
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(path), 1 << 20)) {
            int chunks = 0;
            int written = 0;
            while (written < records) {
                EvtxWriter.Chunk c = new EvtxWriter.Chunk();
                while (c.pos() < EvtxChunk.SIZE - 2_000 && written < records) {
                    int i = written++;
                    String ip = "10." + (i >>> 16 & 255) + "." + (i >>> 8 & 255) + "." + (i & 255);
                    if (i % 2 == 0) {
                        SampleEvtx.sysmon3(c, 1 + i, "true", "10.59.4.20", 49152 + i % 16000, ip, 443);
                    } else {
                        SampleEvtx.wfp(c, 1 + i, 5156, "%%14593", "10.0.2.17", 49152 + i % 16000, ip, 8443, 6);
                    }
                }
                if (chunks++ == 0) {
                    out.write(java.util.Arrays.copyOf(EvtxWriter.file(), 4096)); // the file header (its chunk count is advisory)
                }
                out.write(c.build());
            }
        }
    }
}
