package io.dscover.model.event;

/** An SMB share mapping or file action. */
@EventType(name = "smb", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "An SMB share mapping or file action.")
public final class SmbEvent extends NetworkEvent {

    @Field(name = "smb.version", type = FieldType.STRING,
            doc = "SMB1, SMB2 or SMB3.")
    private String smbVersion;

    @Field(name = "smb.action", type = FieldType.STRING,
            doc = "tree_connect, file_open, file_read, file_write, file_delete, file_rename, ...")
    private String smbAction;

    @Field(name = "smb.path", type = FieldType.STRING,
            doc = "Share path, e.g. \\\\host\\ADMIN$.")
    private String smbPath;

    @Field(name = "smb.share_type", type = FieldType.STRING,
            doc = "DISK, PIPE or PRINT.")
    private String smbShareType;

    @Field(name = "smb.service", type = FieldType.STRING,
            doc = "Service the tree connect asked for (A:, IPC, ...).")
    private String smbService;

    @Field(name = "smb.status", type = FieldType.STRING,
            doc = "NT status of the response, e.g. STATUS_SUCCESS.")
    private String smbStatus;

    @Field(name = "file.name", type = FieldType.STRING,
            doc = "File or pipe name within the share.")
    private String fileName;

    @Field(name = "file.size", type = FieldType.INT,
            doc = "File size in bytes, where known.")
    private Long fileSize;

    public String getSmbVersion() {
        return smbVersion;
    }

    public void setSmbVersion(String smbVersion) {
        this.smbVersion = smbVersion;
    }

    public String getSmbAction() {
        return smbAction;
    }

    public void setSmbAction(String smbAction) {
        this.smbAction = smbAction;
    }

    public String getSmbPath() {
        return smbPath;
    }

    public void setSmbPath(String smbPath) {
        this.smbPath = smbPath;
    }

    public String getSmbShareType() {
        return smbShareType;
    }

    public void setSmbShareType(String smbShareType) {
        this.smbShareType = smbShareType;
    }

    public String getSmbService() {
        return smbService;
    }

    public void setSmbService(String smbService) {
        this.smbService = smbService;
    }

    public String getSmbStatus() {
        return smbStatus;
    }

    public void setSmbStatus(String smbStatus) {
        this.smbStatus = smbStatus;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
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
