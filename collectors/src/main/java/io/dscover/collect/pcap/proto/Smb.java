package io.dscover.collect.pcap.proto;

import io.dscover.model.event.NtlmEvent;
import io.dscover.model.event.SmbEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMB over NetBIOS session framing. SMB2/3: tree connects (share path and type), file opens, the
 * first read and write of each file, deletes, NTLM authentication in session setup, and DCE/RPC
 * carried over named pipes (WRITE/READ and FSCTL_PIPE_TRANSCEIVE), which goes to a DCE/RPC
 * dissector per pipe. SMB1 messages go to {@link Smb1}, which shares the trees, files and pipes
 * kept here. Only the first {@link #MAX_MESSAGE} bytes of each message are buffered; file data is
 * skipped.
 */
final class Smb extends Analyzer {

    static final int MAX_MESSAGE = 64 * 1024;
    static final int MAX_FILES = 1024;
    /** Named pipes per connection whose DCE/RPC is followed. */
    static final int MAX_PIPES = 64;
    static final int MAX_REQUESTS = 256;
    /** Buffer each direction starts with (not counted: a fixed cost of the connection). */
    private static final int SMALL_BUFFER = 64;
    /** Buffers grown past this are given back after their message. */
    private static final int KEEP_BUFFER = 4096;

    private record Request(int command, String name, int treeId, byte[] fileId, NtlmEvent ntlm, boolean delete) {
    }

    /** An open file or pipe: which share it is on, and whether its first read and write were reported. */
    static final class OpenFile {
        final String name;
        final String share;
        final boolean pipe;
        boolean readSeen;
        boolean writeSeen;

        OpenFile(String name, String share, boolean pipe) {
            this.name = name;
            this.share = share;
            this.pipe = pipe;
        }
    }

    private final byte[][] buf = {new byte[SMALL_BUFFER], new byte[SMALL_BUFFER]};
    private final int[] have = new int[2];
    private final long[] skip = new long[2];
    private final long[] msgLen = new long[2];
    private final Map<Long, Request> requests = new LinkedHashMap<>();
    private final Map<Integer, String> trees = new HashMap<>();
    private final Map<Integer, Boolean> pipeTrees = new HashMap<>();
    private final Map<String, OpenFile> files = new LinkedHashMap<>();
    private final Map<String, DceRpc> pipeRpc = new HashMap<>();
    private Smb1 smb1;
    private boolean confirmed;

    @Override
    public String name() {
        return "smb";
    }

    @Override
    public void stream(Session s, boolean fromOrig, byte[] b, int off, int len) {
        int d = fromOrig ? 0 : 1;
        int p = off;
        int end = off + len;
        while (p < end && !failed()) {
            if (skip[d] > 0) {
                int n = (int) Math.min(skip[d], end - p);
                skip[d] -= n;
                p += n;
                continue;
            }
            if (have[d] < 4) {
                int n = Math.min(4 - have[d], end - p);
                System.arraycopy(b, p, buf[d], have[d], n);
                have[d] += n;
                p += n;
                if (have[d] < 4) {
                    return;
                }
                if (buf[d][0] != 0) {
                    if (!confirmed) {
                        fail();
                        return;
                    }
                    // NetBIOS keep-alive or other session packet types carry no SMB
                    msgLen[d] = Bytes.u24(buf[d], 1);
                    skip[d] = msgLen[d];
                    have[d] = 0;
                    continue;
                }
                msgLen[d] = Bytes.u24(buf[d], 1);
                if (msgLen[d] == 0) {
                    have[d] = 0;
                }
                continue;
            }
            int want = (int) Math.min(msgLen[d], MAX_MESSAGE) + 4;
            int n = Math.min(want - have[d], end - p);
            if (have[d] + n > buf[d].length) {
                int size = Math.min(MAX_MESSAGE + 4, Math.max(buf[d].length * 2, have[d] + n));
                if (!reserve(s, size - buf[d].length)) {
                    // no memory to hold this message: it is skipped, the next one is read again
                    skip[d] = msgLen[d] + 4 - have[d];
                    have[d] = 0;
                    continue;
                }
                buf[d] = java.util.Arrays.copyOf(buf[d], size);
            }
            System.arraycopy(b, p, buf[d], have[d], n);
            have[d] += n;
            p += n;
            if (have[d] == want) {
                message(s, fromOrig, buf[d], 4, want - 4);
                skip[d] = msgLen[d] + 4 - want;
                have[d] = 0;
                if (buf[d].length > KEEP_BUFFER) {
                    // a large message (file data) went by: do not hold its buffer for the connection's life
                    release(s, buf[d].length - SMALL_BUFFER);
                    buf[d] = new byte[SMALL_BUFFER];
                }
            }
        }
    }

    private void message(Session s, boolean fromOrig, byte[] b, int off, int len) {
        if (len >= 4 && (b[off] & 0xff) == 0xff && b[off + 1] == 'S' && b[off + 2] == 'M' && b[off + 3] == 'B') {
            confirm(s);
            if (smb1 == null) {
                smb1 = new Smb1(this);
            }
            smb1.message(s, b, off, off + len);
            return;
        }
        int p = off;
        int end = off + len;
        while (p + 64 <= end) {
            if ((b[p] & 0xff) != 0xfe || b[p + 1] != 'S' || b[p + 2] != 'M' || b[p + 3] != 'B') {
                if (!confirmed) {
                    fail();
                }
                return;
            }
            confirm(s);
            long next = Bytes.u32le(b, p + 20);
            int msgEnd = next > 0 && p + next <= end ? (int) (p + next) : end;
            smb2(s, b, p, msgEnd);
            if (next == 0 || p + next >= end) {
                break;
            }
            p += (int) next;
        }
    }

    private void confirm(Session s) {
        if (!confirmed) {
            confirmed = true;
            s.confirm("smb");
        }
    }

    private static String key(byte[] fileId) {
        return java.util.HexFormat.of().formatHex(fileId);
    }

    // ------------------------------------------------------------------ state shared with Smb1

    void tree(int treeId, String path, boolean pipe) {
        if (trees.size() < MAX_FILES || trees.containsKey(treeId)) {
            trees.put(treeId, path);
            pipeTrees.put(treeId, pipe);
        }
    }

    String treePath(int treeId) {
        return trees.get(treeId);
    }

    boolean pipeTree(int treeId) {
        return Boolean.TRUE.equals(pipeTrees.get(treeId));
    }

    void open(String fileKey, OpenFile f) {
        if (files.size() >= MAX_FILES && !files.containsKey(fileKey)) {
            Iterator<String> it = files.keySet().iterator();
            it.next();
            it.remove();
        }
        files.put(fileKey, f);
    }

    OpenFile file(String fileKey) {
        return files.get(fileKey);
    }

    /** The first read or write of a file (not a pipe) is an event; later ones are not. */
    void firstAccess(Session s, OpenFile f, boolean write, String version) {
        if (f == null || f.pipe) {
            return;
        }
        if (write ? f.writeSeen : f.readSeen) {
            return;
        }
        if (write) {
            f.writeSeen = true;
        } else {
            f.readSeen = true;
        }
        s.emit(event(s, version, write ? "file_write" : "file_read", f.share, f.name));
    }

    /**
     * The DCE/RPC dissector of a named pipe: pipes on an IPC$ tree, or, when the tree connect was
     * not captured, any file whose data starts with a DCE/RPC version 5 header.
     */
    DceRpc rpc(String fileKey, OpenFile f, byte[] b, int off, int len) {
        DceRpc rpc = pipeRpc.get(fileKey);
        if (rpc == null && (f.pipe || len >= 16 && b[off] == 5 && b[off + 1] == 0) && pipeRpc.size() < MAX_PIPES) {
            rpc = new DceRpc(f.name);
            pipeRpc.put(fileKey, rpc);
        }
        return rpc;
    }

    DceRpc existingRpc(String fileKey) {
        return pipeRpc.get(fileKey);
    }

    boolean carriesRpc(String fileKey) {
        return pipeRpc.containsKey(fileKey);
    }

    static SmbEvent event(Session s, String version, String action, String share, String file) {
        SmbEvent e = new SmbEvent();
        s.stampLocation(e);
        e.setSmbVersion(version);
        e.setSmbAction(action);
        if (share != null) {
            e.setSmbPath(share);
        }
        if (file != null && !file.isEmpty()) {
            e.setFileName(file);
        }
        return e;
    }

    // ------------------------------------------------------------------ SMB2

    private void smb2(Session s, byte[] b, int h, int end) {
        long status = Bytes.u32le(b, h + 8);
        int command = Bytes.u16le(b, h + 12);
        boolean response = (Bytes.u32le(b, h + 16) & 1) != 0;
        long messageId = Bytes.u32le(b, h + 24) | (Bytes.u32le(b, h + 28) << 32);
        int treeId = (int) Bytes.u32le(b, h + 36);
        int body = h + 64;
        if (!response) {
            request(s, b, h, body, end, command, messageId, treeId);
        } else {
            response(s, b, h, body, end, command, messageId, status);
        }
    }

    private void remember(long messageId, Request r) {
        if (requests.size() >= MAX_REQUESTS) {
            requests.remove(requests.keySet().iterator().next());
        }
        requests.put(messageId, r);
    }

    private String utf16(byte[] b, int h, int end, int offset, int length) {
        int start = h + offset;
        if (offset <= 0 || length <= 0 || start + length > end || length > 2048) {
            return null;
        }
        return new String(b, start, length & ~1, StandardCharsets.UTF_16LE);
    }

    private void request(Session s, byte[] b, int h, int body, int end, int command, long messageId, int treeId) {
        switch (command) {
            case 1 -> { // SESSION_SETUP
                if (body + 16 > end) {
                    return;
                }
                int off = Bytes.u16le(b, body + 12);
                int len = Bytes.u16le(b, body + 14);
                if (h + off + len <= end && off > 0) {
                    NtlmEvent e = Ntlm.authenticate(b, h + off, len);
                    if (e != null) {
                        s.stampLocation(e);
                        remember(messageId, new Request(command, null, treeId, null, e, false));
                    }
                }
            }
            case 3 -> { // TREE_CONNECT
                if (body + 8 > end) {
                    return;
                }
                String path = utf16(b, h, end, Bytes.u16le(b, body + 4), Bytes.u16le(b, body + 6));
                remember(messageId, new Request(command, path, treeId, null, null, false));
            }
            case 5 -> { // CREATE
                if (body + 48 > end) {
                    return;
                }
                String name = utf16(b, h, end, Bytes.u16le(b, body + 44), Bytes.u16le(b, body + 46));
                long options = Bytes.u32le(b, body + 40);
                remember(messageId, new Request(command, name == null ? "" : name, treeId, null, null, (options & 0x1000) != 0));
            }
            case 8, 9 -> { // READ, WRITE
                if (body + 32 > end) {
                    return;
                }
                byte[] fid = java.util.Arrays.copyOfRange(b, body + 16, body + 32);
                String k = key(fid);
                OpenFile f = files.get(k);
                if (command == 9 && f != null) {
                    int dataOff = Bytes.u16le(b, body + 2);
                    long dataLen = Bytes.u32le(b, body + 4);
                    if (dataOff > 0 && h + dataOff + dataLen <= end) {
                        DceRpc rpc = rpc(k, f, b, h + dataOff, (int) dataLen);
                        if (rpc != null) {
                            rpc.stream(s, true, b, h + dataOff, (int) dataLen);
                        }
                    }
                }
                remember(messageId, new Request(command, null, treeId, fid, null, false));
                if (f != null && !carriesRpc(k)) {
                    firstAccess(s, f, command == 9, "SMB2");
                }
            }
            case 11 -> { // IOCTL
                if (body + 32 > end) {
                    return;
                }
                long ctl = Bytes.u32le(b, body + 4);
                byte[] fid = java.util.Arrays.copyOfRange(b, body + 8, body + 24);
                String k = key(fid);
                OpenFile f = files.get(k);
                if (ctl == 0x0011c017 && f != null) {
                    long inOff = Bytes.u32le(b, body + 24);
                    long inLen = Bytes.u32le(b, body + 28);
                    if (inOff > 0 && h + inOff + inLen <= end) {
                        DceRpc rpc = rpc(k, f, b, (int) (h + inOff), (int) inLen);
                        if (rpc != null) {
                            rpc.stream(s, true, b, (int) (h + inOff), (int) inLen);
                        }
                    }
                }
                remember(messageId, new Request(command, null, treeId, fid, null, false));
            }
            default -> {
            }
        }
    }

    private void response(Session s, byte[] b, int h, int body, int end, int command, long messageId, long status) {
        Request r = requests.remove(messageId);
        if (r == null) {
            return;
        }
        switch (command) {
            case 1 -> {
                if (r.ntlm != null && status != 0xC0000016L) { // more processing required is not the outcome
                    r.ntlm.setNtlmSuccess(status == 0);
                    r.ntlm.setNtlmStatus(SmbStatus.name(status));
                    s.emit(r.ntlm);
                }
            }
            case 3 -> {
                SmbEvent e = event(s, "SMB2", "tree_connect", r.name, null);
                e.setSmbStatus(SmbStatus.name(status));
                if (status == 0 && body + 3 <= end) {
                    int type = b[body + 2] & 0xff;
                    e.setSmbShareType(type == 1 ? "DISK" : type == 2 ? "PIPE" : type == 3 ? "PRINT" : "UNKNOWN");
                    tree((int) Bytes.u32le(b, h + 36), r.name, type == 2);
                }
                s.emit(e);
            }
            case 5 -> {
                String share = trees.get(r.treeId);
                boolean pipe = pipeTree(r.treeId);
                SmbEvent e = event(s, "SMB2", pipe ? "pipe_open" : r.delete ? "file_delete" : "file_open", share, r.name);
                e.setSmbStatus(SmbStatus.name(status));
                if (status == 0 && body + 80 <= end) {
                    e.setFileSize(Bytes.u32le(b, body + 48) | (Bytes.u32le(b, body + 52) << 32));
                    byte[] fid = java.util.Arrays.copyOfRange(b, body + 64, body + 80);
                    open(key(fid), new OpenFile(r.name, share, pipe));
                }
                s.emit(e);
            }
            case 8 -> {
                DceRpc rpc = r.fileId == null ? null : pipeRpc.get(key(r.fileId));
                if (rpc != null && status == 0 && body + 8 <= end) {
                    int dataOff = b[body + 2] & 0xff;
                    long dataLen = Bytes.u32le(b, body + 4);
                    if (dataOff > 0 && h + dataOff + dataLen <= end) {
                        rpc.stream(s, false, b, h + dataOff, (int) dataLen);
                    }
                }
            }
            case 11 -> {
                DceRpc rpc = r.fileId == null ? null : pipeRpc.get(key(r.fileId));
                if (rpc != null && body + 40 <= end) {
                    long outOff = Bytes.u32le(b, body + 32);
                    long outLen = Bytes.u32le(b, body + 36);
                    if (outOff > 0 && h + outOff + outLen <= end) {
                        rpc.stream(s, false, b, (int) (h + outOff), (int) outLen);
                    }
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void end(Session s) {
        for (DceRpc rpc : pipeRpc.values()) {
            if (!rpc.failed()) {
                rpc.end(s);
            }
        }
        if (smb1 != null) {
            smb1.end(s);
        }
        files.clear();
    }

    @Override
    public void releaseAll(Session s) {
        super.releaseAll(s);
        for (DceRpc rpc : pipeRpc.values()) {
            rpc.releaseAll(s);
        }
        pipeRpc.clear();
    }
}
