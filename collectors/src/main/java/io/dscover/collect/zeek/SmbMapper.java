package io.dscover.collect.zeek;

import io.dscover.model.event.NetworkEvent;
import io.dscover.model.event.SmbEvent;
import java.util.List;
import java.util.Locale;

/**
 * The SMB logs as {@code smb} events: smb_mapping.log rows are tree connects (share path, service,
 * share type), smb_files.log rows file actions ({@code SMB::FILE_OPEN} becomes {@code file_open}),
 * smb_cmd.log rows commands ({@code TREE_CONNECT} becomes {@code tree_connect}).
 */
final class SmbMapper extends LogMapper {

    private int path;
    private int name;
    private int size;
    private int action;
    private int service;
    private int shareType;
    private int command;
    private int status;
    private int version;

    SmbMapper(String logPath) {
        super(logPath);
    }

    @Override
    void bindColumns() {
        path = claim(path().equals("smb_cmd") ? "tree" : "path");
        switch (path()) {
            case "smb_files" -> {
                name = claim("name");
                size = claim("size");
                action = claim("action");
                service = shareType = command = status = version = -1;
            }
            case "smb_mapping" -> {
                service = claim("service");
                shareType = claim("share_type");
                name = size = action = command = status = version = -1;
            }
            default -> { // smb_cmd
                command = claim("command");
                status = claim("status");
                version = claim("version");
                service = claim("tree_service");
                name = size = action = shareType = -1;
            }
        }
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        return "tcp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        SmbEvent e = flowEvidence(new SmbEvent());
        e.setSmbPath(r.string(path));
        switch (path()) {
            case "smb_files" -> {
                e.setSmbAction(fileAction(r.symbol(action)));
                e.setFileName(r.string(name));
                long v = r.count(size);
                if (v != ABSENT) {
                    e.setFileSize(v);
                }
            }
            case "smb_mapping" -> {
                e.setSmbAction("tree_connect");
                e.setSmbService(r.string(service));
                e.setSmbShareType(r.symbol(shareType));
            }
            default -> {
                String c = r.symbol(command);
                e.setSmbAction(c == null ? null : c.toLowerCase(Locale.ROOT));
                e.setSmbStatus(r.symbol(status));
                e.setSmbVersion(r.symbol(version));
                e.setSmbService(r.string(service));
            }
        }
        extras(r, e);
        out.add(e);
    }

    /** {@code SMB::FILE_OPEN} to {@code file_open}. */
    static String fileAction(String zeekAction) {
        if (zeekAction == null) {
            return null;
        }
        String a = zeekAction.startsWith("SMB::") ? zeekAction.substring(5) : zeekAction;
        return a.toLowerCase(Locale.ROOT);
    }
}
