package io.dscover.model.event;

/** An FTP command and its reply. */
@EventType(name = "ftp", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "An FTP command and its reply.")
public final class FtpEvent extends NetworkEvent {

    @Field(name = "ftp.command", type = FieldType.STRING,
            doc = "Command: USER, RETR, STOR, PORT, EPSV, ...")
    private String ftpCommand;

    @Field(name = "ftp.arg", type = FieldType.STRING,
            doc = "Command argument.")
    private String ftpArg;

    @Field(name = "ftp.reply.code", type = FieldType.INT,
            doc = "Reply code.")
    private Long ftpReplyCode;

    @Field(name = "ftp.reply.msg", type = FieldType.STRING,
            doc = "Reply text.")
    private String ftpReplyMsg;

    @Field(name = "user.name", type = FieldType.STRING,
            doc = "User name given with USER.")
    private String userName;

    @Field(name = "file.size", type = FieldType.INT,
            doc = "Size of the file transferred, where known.")
    private Long fileSize;

    public String getFtpCommand() {
        return ftpCommand;
    }

    public void setFtpCommand(String ftpCommand) {
        this.ftpCommand = ftpCommand;
    }

    public String getFtpArg() {
        return ftpArg;
    }

    public void setFtpArg(String ftpArg) {
        this.ftpArg = ftpArg;
    }

    public Long getFtpReplyCode() {
        return ftpReplyCode;
    }

    public void setFtpReplyCode(Long ftpReplyCode) {
        this.ftpReplyCode = ftpReplyCode;
    }

    public void setFtpReplyCode(long ftpReplyCode) {
        this.ftpReplyCode = ftpReplyCode;
    }

    public String getFtpReplyMsg() {
        return ftpReplyMsg;
    }

    public void setFtpReplyMsg(String ftpReplyMsg) {
        this.ftpReplyMsg = ftpReplyMsg;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public Long getFileSize() {
        return fileSize;
    }

    public void setFileSize(Long fileSize) {
        this.fileSize = fileSize;
    }

    public void setFileSize(long fileSize) {
        this.fileSize = fileSize;
    }
}
