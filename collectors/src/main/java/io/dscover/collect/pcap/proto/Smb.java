package io.dscover.collect.pcap.proto;

import io.dscover.model.event.NtlmEvent;
import io.dscover.model.event.SmbEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMB2/3 over NetBIOS session framing: tree connects (share path and type), file opens, the
 * first read and write of each file, deletes, NTLM authentication in session setup, and DCE/RPC
 * carried over named pipes (WRITE/READ and FSCTL_PIPE_TRANSCEIVE), which goes to a DCE/RPC
 * dissector per pipe. SMB1 is recognised (service) but not dissected. Only the first
 * {@link #MAX_MESSAGE} bytes of each message are buffered; file data is skipped.
 */
final class Smb extends Analyzer {

    static final int MAX_MESSAGE = 64 * 1024;
    static final int MAX_FILES = 1024;

    private record Request(int command, String name, int treeId, byte[] fileId, NtlmEvent ntlm, boolean delete) {
    }

    private record OpenFile(String name, String share, boolean pipe, DceRpc rpc) {
    }

    private final byte[][] buf = {new byte[64], new byte[64]};
    private final int[] have = new int[2];
    private final long[] skip = new long[2];
    private final long[] msgLen = new long[2];
    private final Map<Long, Request> requests = new LinkedHashMap<>();
    private final Map<Integer, String> trees = new HashMap<>();
    private final Map<Integer, Boolean> pipeTrees = new HashMap<>();
    private final Map<String, OpenFile> files = new LinkedHashMap<>();
    private final Map<String, Boolean> readSeen = new HashMap<>();
    private final Map<String, Boolean> writeSeen = new HashMap<>();
    private final Map<String, DceRpc> pipeRpc = new HashMap<>();
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
                buf[d] = java.util.Arrays.copyOf(buf[d], Math.min(MAX_MESSAGE + 4, Math.max(buf[d].length * 2, have[d] + n)));
            }
            System.arraycopy(b, p, buf[d], have[d], n);
            have[d] += n;
            p += n;
            if (have[d] == want) {
                message(s, fromOrig, buf[d], 4, want - 4);
                skip[d] = msgLen[d] + 4 - want;
                have[d] = 0;
            }
        }
    }

    private void message(Session s, boolean fromOrig, byte[] b, int off, int len) {
        if (len >= 4 && (b[off] & 0xff) == 0xff && b[off + 1] == 'S' && b[off + 2] == 'M' && b[off + 3] == 'B') {
            confirm(s);
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
        if (requests.size() >= 256) {
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
                OpenFile f = files.get(key(fid));
                if (command == 9 && f != null) {
                    int dataOff = Bytes.u16le(b, body + 2);
                    long dataLen = Bytes.u32le(b, body + 4);
                    if (dataOff > 0 && h + dataOff + dataLen <= end) {
                        DceRpc rpc = rpc(f, fid, b, h + dataOff, (int) dataLen);
                        if (rpc != null) {
                            rpc.stream(s, true, b, h + dataOff, (int) dataLen);
                        }
                    }
                }
                remember(messageId, new Request(command, null, treeId, fid, null, false));
                if (f != null && !f.pipe && !pipeRpc.containsKey(key(fid))) {
                    Map<String, Boolean> seen = command == 8 ? readSeen : writeSeen;
                    if (seen.putIfAbsent(key(fid), Boolean.TRUE) == null) {
                        SmbEvent e = event(s, command == 8 ? "file_read" : "file_write", f.share, f.name);
                        s.emit(e);
                    }
                }
            }
            case 11 -> { // IOCTL
                if (body + 32 > end) {
                    return;
                }
                long ctl = Bytes.u32le(b, body + 4);
                byte[] fid = java.util.Arrays.copyOfRange(b, body + 8, body + 24);
                OpenFile f = files.get(key(fid));
                if (ctl == 0x0011c017 && f != null) {
                    long inOff = Bytes.u32le(b, body + 24);
                    long inLen = Bytes.u32le(b, body + 28);
                    if (inOff > 0 && h + inOff + inLen <= end) {
                        DceRpc rpc = rpc(f, fid, b, (int) (h + inOff), (int) inLen);
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
                SmbEvent e = event(s, "tree_connect", r.name, null);
                e.setSmbStatus(SmbStatus.name(status));
                if (status == 0 && body + 3 <= end) {
                    int type = b[body + 2] & 0xff;
                    e.setSmbShareType(type == 1 ? "DISK" : type == 2 ? "PIPE" : type == 3 ? "PRINT" : "UNKNOWN");
                    int tree = (int) Bytes.u32le(b, h + 36);
                    if (trees.size() < MAX_FILES) {
                        trees.put(tree, r.name);
                        pipeTrees.put(tree, type == 2);
                    }
                }
                s.emit(e);
            }
            case 5 -> {
                String share = trees.get(r.treeId);
                boolean pipe = Boolean.TRUE.equals(pipeTrees.get(r.treeId));
                SmbEvent e = event(s, pipe ? "pipe_open" : r.delete ? "file_delete" : "file_open", share, r.name);
                e.setSmbStatus(SmbStatus.name(status));
                if (status == 0 && body + 80 <= end) {
                    e.setFileSize(Bytes.u32le(b, body + 48) | (Bytes.u32le(b, body + 52) << 32));
                    byte[] fid = java.util.Arrays.copyOfRange(b, body + 64, body + 80);
                    if (files.size() >= MAX_FILES) {
                        files.remove(files.keySet().iterator().next());
                    }
                    files.put(key(fid), new OpenFile(r.name, share, pipe, null));
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

    /**
     * The DCE/RPC dissector of a named pipe: pipes on an IPC$ tree, or, when the tree connect was
     * not captured, any file whose data starts with a DCE/RPC version 5 header.
     */
    private DceRpc rpc(OpenFile f, byte[] fid, byte[] b, int off, int len) {
        String k = key(fid);
        DceRpc rpc = pipeRpc.get(k);
        if (rpc == null && (f.pipe || len >= 16 && b[off] == 5 && b[off + 1] == 0) && pipeRpc.size() < MAX_FILES) {
            rpc = new DceRpc(f.name);
            pipeRpc.put(k, rpc);
        }
        return rpc;
    }

    private static SmbEvent event(Session s, String action, String share, String file) {
        SmbEvent e = new SmbEvent();
        s.stampLocation(e);
        e.setSmbVersion("SMB2");
        e.setSmbAction(action);
        if (share != null) {
            e.setSmbPath(share);
        }
        if (file != null && !file.isEmpty()) {
            e.setFileName(file);
        }
        return e;
    }

    @Override
    public void end(Session s) {
        for (DceRpc rpc : pipeRpc.values()) {
            if (!rpc.failed()) {
                rpc.end(s);
            }
        }
        pipeRpc.clear();
        files.clear();
    }
}
