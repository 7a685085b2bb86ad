package io.dscover.collect.zeek;

import io.dscover.model.event.FtpEvent;
import io.dscover.model.event.NetworkEvent;
import java.util.List;

/** ftp.log: one command and its reply per row; the data channel and password stay extras. */
final class FtpMapper extends LogMapper {

    private int user;
    private int command;
    private int arg;
    private int fileSize;
    private int replyCode;
    private int replyMsg;

    FtpMapper() {
        super("ftp");
    }

    @Override
    void bindColumns() {
        user = claim("user");
        command = claim("command");
        arg = claim("arg");
        fileSize = claim("file_size");
        replyCode = claim("reply_code");
        replyMsg = claim("reply_msg");
    }

    @Override
    String defaultTransport(ZeekRecord r) {
        return "tcp";
    }

    @Override
    void map(ZeekRecord r, List<NetworkEvent> out) {
        FtpEvent e = flowEvidence(new FtpEvent());
        e.setUserName(r.string(user));
        e.setFtpCommand(r.symbol(command));
        e.setFtpArg(r.string(arg));
        long v;
        if ((v = r.count(fileSize)) != ABSENT) {
            e.setFileSize(v);
        }
        if ((v = r.count(replyCode)) != ABSENT) {
            e.setFtpReplyCode(v);
        }
        e.setFtpReplyMsg(r.string(replyMsg));
        extras(r, e);
        out.add(e);
    }
}
