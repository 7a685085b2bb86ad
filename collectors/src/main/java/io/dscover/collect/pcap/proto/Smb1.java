package io.dscover.collect.pcap.proto;

import io.dscover.model.event.NtlmEvent;
import io.dscover.model.event.SmbEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMB1 (CIFS) messages, with their AndX chains: the dialect negotiation, session setup (NTLMSSP
 * in extended security, or the account and domain of a pre-NTLMSSP logon, anonymous ones
 * included), tree connects with the share path and service, NT create (file, pipe or
 * delete-on-close), the first read and write of each file, deletes, and the transactions older
 * tools use: named-pipe transactions carry DCE/RPC (psexec over SMB1), PeekNamedPipe is how
 * MS17-010 scanners probe, and TRANS2 SESSION_SETUP is DoublePulsar's channel. Requests are paired
 * with their responses by PID and MID; file and tree state is shared with {@link Smb}.
 */
final class Smb1 {

    static final String VERSION = "SMB1";
    private static final int HEADER = 32;
    private static final int MAX_ANDX = 8;
    private static final int MAX_NAME_BYTES = 2048;

    static final int NEGOTIATE = 0x72;
    static final int SESSION_SETUP_ANDX = 0x73;
    static final int TREE_CONNECT_ANDX = 0x75;
    static final int NT_CREATE_ANDX = 0xA2;
    static final int READ_ANDX = 0x2E;
    static final int WRITE_ANDX = 0x2F;
    static final int TRANSACTION = 0x25;
    static final int TRANSACTION2 = 0x32;
    static final int DELETE = 0x06;
    private static final int TRANSACT_NM_PIPE = 0x26;
    private static final int TRANS2_SESSION_SETUP = 0x0E;

    private record Pending(int command, String name, int treeId, int fid, NtlmEvent ntlm, boolean delete,
            int subcommand, String service) {
    }

    /** A read position in a message, for the NUL-terminated strings SMB1 puts in its byte blocks. */
    private static final class Cursor {
        final byte[] b;
        final int h;
        final int end;
        int p;

        Cursor(byte[] b, int h, int p, int end) {
            this.b = b;
            this.h = h;
            this.p = p;
            this.end = end;
        }

        /**
         * A NUL-terminated string, UTF-16LE (aligned to 2 bytes from the header) or ASCII; one cut
         * by the end of the block is returned as far as it goes; null when nothing is left.
         */
        String string(boolean unicode) {
            if (unicode && ((p - h) & 1) != 0) {
                p++;
            }
            if (p >= end) {
                return null;
            }
            int q = p;
            String text;
            if (unicode) {
                while (q + 1 < end && (b[q] != 0 || b[q + 1] != 0)) {
                    q += 2;
                }
                text = new String(b, p, Math.min(q - p, MAX_NAME_BYTES) & ~1, StandardCharsets.UTF_16LE);
                p = Math.min(end, q + 2);
            } else {
                while (q < end && b[q] != 0) {
                    q++;
                }
                text = Bytes.latin1(b, p, Math.min(q - p, MAX_NAME_BYTES));
                p = Math.min(end, q + 1);
            }
            return text;
        }
    }

    private final Smb smb;
    private final Map<Long, Pending> pending = new LinkedHashMap<>();
    private boolean negotiated;

    Smb1(Smb smb) {
        this.smb = smb;
    }

    private static String fileKey(int fid) {
        return "smb1:" + fid;
    }

    private static boolean andX(int command) {
        return command == SESSION_SETUP_ANDX || command == TREE_CONNECT_ANDX || command == NT_CREATE_ANDX
                || command == READ_ANDX || command == WRITE_ANDX || command == 0x24 || command == 0x74 || command == 0x2D;
    }

    /** One SMB1 message from {@code h} (the 0xFF 'SMB' header) to {@code end}. */
    void message(Session s, byte[] b, int h, int end) {
        if (end - h < HEADER + 3) {
            s.malformed("malformed SMB1 message", "header truncated: " + (end - h) + " bytes");
            return;
        }
        int command = b[h + 4] & 0xff;
        long status = Bytes.u32le(b, h + 5);
        boolean reply = (b[h + 9] & 0x80) != 0;
        int flags2 = Bytes.u16le(b, h + 10);
        boolean unicode = (flags2 & 0x8000) != 0;
        String statusName = (flags2 & 0x4000) != 0 ? SmbStatus.name(status)
                : status == 0 ? "STATUS_SUCCESS" : "DOS error class " + (status & 0xff) + " code " + (status >>> 16);
        int tid = Bytes.u16le(b, h + 24);
        int pid = Bytes.u16le(b, h + 26);
        int mid = Bytes.u16le(b, h + 30);
        int block = h + HEADER;
        for (int i = 0; i < MAX_ANDX; i++) {
            if (block + 3 > end) {
                return;
            }
            int wc = b[block] & 0xff;
            int words = block + 1;
            int bcPos = words + 2 * wc;
            if (bcPos + 2 > end) {
                if (!reply || status == 0) {
                    s.malformed("malformed SMB1 message", "command 0x" + Integer.toHexString(command) + ": "
                            + wc + " parameter words overrun the message");
                }
                return;
            }
            int bytes = bcPos + 2;
            int bytesEnd = Math.min(end, bytes + Bytes.u16le(b, bcPos));
            long key = ((long) pid << 24) | ((long) mid << 8) | command;
            if (reply) {
                Pending r = pending.remove(key);
                response(s, b, h, command, wc, words, bytes, bytesEnd, end, status, statusName, tid, r);
            } else {
                request(s, b, h, command, wc, words, bytes, bytesEnd, end, unicode, tid, key);
            }
            if (!andX(command) || wc < 2) {
                return;
            }
            int next = b[words] & 0xff;
            int nextOffset = Bytes.u16le(b, words + 2);
            if (next == 0xff || h + nextOffset <= block || h + nextOffset >= end) {
                return; // the chain ends, or points backwards (a loop) or outside the message
            }
            command = next;
            block = h + nextOffset;
        }
    }

    private void remember(long key, Pending p) {
        if (pending.size() >= Smb.MAX_REQUESTS) {
            pending.remove(pending.keySet().iterator().next());
        }
        pending.put(key, p);
    }

    private void request(Session s, byte[] b, int h, int command, int wc, int w, int bytes, int bytesEnd, int end,
            boolean unicode, int tid, long key) {
        switch (command) {
            case SESSION_SETUP_ANDX -> {
                NtlmEvent e = null;
                if (wc == 12) {
                    int blobLen = Bytes.u16le(b, w + 14);
                    if (bytes + blobLen <= end) {
                        e = Ntlm.authenticate(b, bytes, blobLen);
                    }
                } else if (wc == 13) {
                    // a logon without NTLMSSP: LM/NTLM responses, then account and domain in clear
                    int oemLen = Bytes.u16le(b, w + 14);
                    int uniLen = Bytes.u16le(b, w + 16);
                    Cursor c = new Cursor(b, h, bytes + oemLen + uniLen, bytesEnd);
                    if (c.p <= bytesEnd) {
                        String account = c.string(unicode);
                        String domain = c.string(unicode);
                        e = new NtlmEvent();
                        if (account != null && !account.isEmpty()) {
                            e.setUserName(account);
                        }
                        if (domain != null && !domain.isEmpty()) {
                            e.setUserDomain(domain);
                        }
                    }
                }
                if (e != null) {
                    s.stampLocation(e);
                    remember(key, new Pending(command, null, tid, -1, e, false, 0, null));
                }
            }
            case TREE_CONNECT_ANDX -> {
                if (wc < 4) {
                    return;
                }
                Cursor c = new Cursor(b, h, bytes + Bytes.u16le(b, w + 6), bytesEnd);
                String path = c.p <= bytesEnd ? c.string(unicode) : null;
                String service = path != null ? c.string(false) : null;
                remember(key, new Pending(command, path, tid, -1, null, false, 0, service));
            }
            case NT_CREATE_ANDX -> {
                if (wc < 24) {
                    return;
                }
                int nameLen = Bytes.u16le(b, w + 5);
                long options = Bytes.u32le(b, w + 39);
                int p = bytes;
                if (unicode && ((p - h) & 1) != 0) {
                    p++;
                }
                int n = Math.max(0, Math.min(Math.min(nameLen, MAX_NAME_BYTES), bytesEnd - p));
                String name = unicode ? new String(b, p, n & ~1, StandardCharsets.UTF_16LE) : Bytes.latin1(b, p, n);
                int nul = name.indexOf('\0');
                if (nul >= 0) {
                    name = name.substring(0, nul);
                }
                remember(key, new Pending(command, name, tid, -1, null, (options & 0x1000) != 0, 0, null));
            }
            case WRITE_ANDX -> {
                if (wc < 12) {
                    return;
                }
                int fid = Bytes.u16le(b, w + 4);
                long dataLen = Bytes.u16le(b, w + 20) | ((long) Bytes.u16le(b, w + 18) << 16);
                int dataOff = Bytes.u16le(b, w + 22);
                access(s, b, h, end, fid, dataOff, dataLen, true);
            }
            case READ_ANDX -> {
                if (wc < 10) {
                    return;
                }
                int fid = Bytes.u16le(b, w + 4);
                remember(key, new Pending(command, null, tid, fid, null, false, 0, null));
                access(s, b, h, end, fid, 0, 0, false);
            }
            case TRANSACTION, TRANSACTION2 -> {
                if (wc < 14) {
                    return;
                }
                int setupCount = b[w + 26] & 0xff;
                if (setupCount < 1 || wc < 14 + setupCount) {
                    return;
                }
                int sub = Bytes.u16le(b, w + 28);
                int fid = setupCount >= 2 ? Bytes.u16le(b, w + 30) : -1;
                String name = command == TRANSACTION ? new Cursor(b, h, bytes, bytesEnd).string(unicode) : null;
                remember(key, new Pending(command, name, tid, fid, null, false, sub, null));
                if (command == TRANSACTION && sub == TRANSACT_NM_PIPE && fid >= 0) {
                    access(s, b, h, end, fid, Bytes.u16le(b, w + 24), Bytes.u16le(b, w + 22), true);
                }
            }
            case DELETE -> {
                if (bytes < bytesEnd && b[bytes] == 4) {
                    Cursor c = new Cursor(b, h, bytes + 1, bytesEnd);
                    remember(key, new Pending(command, c.string(unicode), tid, -1, null, true, 0, null));
                }
            }
            default -> {
            }
        }
    }

    /** A read or write of {@code fid}: pipe data goes to DCE/RPC, the first access of a file is an event. */
    private void access(Session s, byte[] b, int h, int end, int fid, int dataOff, long dataLen, boolean write) {
        String k = fileKey(fid);
        Smb.OpenFile f = smb.file(k);
        if (f == null) {
            return;
        }
        if (write && dataOff > 0 && dataLen > 0 && h + dataOff + dataLen <= end) {
            DceRpc rpc = smb.rpc(k, f, b, h + dataOff, (int) dataLen);
            if (rpc != null) {
                rpc.stream(s, true, b, h + dataOff, (int) dataLen);
            }
        }
        if (!smb.carriesRpc(k)) {
            smb.firstAccess(s, f, write, VERSION);
        }
    }

    private void response(Session s, byte[] b, int h, int command, int wc, int w, int bytes, int bytesEnd, int end,
            long status, String statusName, int tid, Pending r) {
        switch (command) {
            case NEGOTIATE -> {
                if (!negotiated) {
                    negotiated = true;
                    SmbEvent e = Smb.event(s, VERSION, "negotiate", null, null);
                    e.setSmbStatus(statusName);
                    s.emit(e);
                }
            }
            case SESSION_SETUP_ANDX -> {
                if (r != null && r.ntlm != null && status != 0xC0000016L) {
                    r.ntlm.setNtlmSuccess(status == 0);
                    r.ntlm.setNtlmStatus(statusName);
                    s.emit(r.ntlm);
                }
            }
            case TREE_CONNECT_ANDX -> {
                if (r == null) {
                    return;
                }
                SmbEvent e = Smb.event(s, VERSION, "tree_connect", r.name, null);
                e.setSmbStatus(statusName);
                String service = r.service;
                if (status == 0) {
                    String answered = new Cursor(b, h, bytes, bytesEnd).string(false);
                    if (answered != null && !answered.isEmpty()) {
                        service = answered;
                    }
                    String type = shareType(service);
                    e.setSmbShareType(type);
                    smb.tree(tid, r.name, "PIPE".equals(type));
                }
                if (service != null && !service.isEmpty()) {
                    e.setSmbService(service);
                }
                s.emit(e);
            }
            case NT_CREATE_ANDX -> {
                if (r == null) {
                    return;
                }
                String share = smb.treePath(r.treeId);
                boolean pipe = smb.pipeTree(r.treeId);
                int fid = -1;
                long size = -1;
                if (status == 0 && wc >= 34) {
                    fid = Bytes.u16le(b, w + 5);
                    size = Bytes.u32le(b, w + 55) | (Bytes.u32le(b, w + 59) << 32);
                    int resourceType = Bytes.u16le(b, w + 63);
                    pipe |= resourceType == 1 || resourceType == 2;
                }
                SmbEvent e = Smb.event(s, VERSION, pipe ? "pipe_open" : r.delete ? "file_delete" : "file_open", share, r.name);
                e.setSmbStatus(statusName);
                if (fid >= 0) {
                    e.setFileSize(size);
                    smb.open(fileKey(fid), new Smb.OpenFile(r.name, share, pipe));
                }
                s.emit(e);
            }
            case READ_ANDX -> {
                if (r == null || status != 0 || wc < 12) {
                    return;
                }
                DceRpc rpc = smb.existingRpc(fileKey(r.fid));
                long dataLen = Bytes.u16le(b, w + 10) | ((long) Bytes.u16le(b, w + 14) << 16);
                int dataOff = Bytes.u16le(b, w + 12);
                if (rpc != null && dataOff > 0 && h + dataOff + dataLen <= end) {
                    rpc.stream(s, false, b, h + dataOff, (int) dataLen);
                }
            }
            case TRANSACTION -> {
                if (r == null) {
                    return;
                }
                if (r.subcommand == TRANSACT_NM_PIPE) {
                    DceRpc rpc = smb.existingRpc(fileKey(r.fid));
                    if (rpc != null && wc >= 10) {
                        int dataCount = Bytes.u16le(b, w + 12);
                        int dataOff = Bytes.u16le(b, w + 14);
                        if (dataOff > 0 && h + dataOff + dataCount <= end) {
                            rpc.stream(s, false, b, h + dataOff, dataCount);
                        }
                    }
                    return;
                }
                SmbEvent e = Smb.event(s, VERSION, transactionAction(r.subcommand), smb.treePath(r.treeId), r.name);
                e.setSmbStatus(statusName);
                s.emit(e);
            }
            case TRANSACTION2 -> {
                if (r != null && r.subcommand == TRANS2_SESSION_SETUP) {
                    SmbEvent e = Smb.event(s, VERSION, "trans2_session_setup", smb.treePath(r.treeId), null);
                    e.setSmbStatus(statusName);
                    s.emit(e);
                }
            }
            case DELETE -> {
                if (r != null) {
                    SmbEvent e = Smb.event(s, VERSION, "file_delete", smb.treePath(r.treeId), r.name);
                    e.setSmbStatus(statusName);
                    s.emit(e);
                }
            }
            default -> {
            }
        }
    }

    /** Share type from the service a tree connect answered (A: disk, IPC, LPT1: printer, COMM device). */
    static String shareType(String service) {
        if (service == null) {
            return "UNKNOWN";
        }
        return switch (service) {
            case "A:" -> "DISK";
            case "IPC" -> "PIPE";
            case "LPT1:" -> "PRINT";
            default -> "UNKNOWN";
        };
    }

    /** Named-pipe and mailslot transactions by subcommand, as {@code smb.action}. */
    static String transactionAction(int sub) {
        return switch (sub) {
            case 0x0001 -> "trans_set_nmpipe_state";
            case 0x0011 -> "trans_raw_read_nmpipe";
            case 0x0021 -> "trans_query_nmpipe_state";
            case 0x0022 -> "trans_query_nmpipe_info";
            case 0x0023 -> "trans_peek_nmpipe";
            case 0x0031 -> "trans_raw_write_nmpipe";
            case 0x0036 -> "trans_read_nmpipe";
            case 0x0037 -> "trans_write_nmpipe";
            case 0x0053 -> "trans_wait_nmpipe";
            case 0x0054 -> "trans_call_nmpipe";
            default -> "trans_0x" + Bytes.hex4(sub);
        };
    }

    void end(Session s) {
        for (Pending p : pending.values()) {
            if (p.ntlm != null) {
                s.emit(p.ntlm); // the outcome was never seen
            }
        }
        pending.clear();
    }
}
