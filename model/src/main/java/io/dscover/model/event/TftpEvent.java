package io.dscover.model.event;

/** A TFTP read or write request. */
@EventType(name = "tftp", components = {DataComponent.TRAFFIC_CONTENT, DataComponent.TRAFFIC_FLOW},
        doc = "A TFTP read or write request.")
public final class TftpEvent extends NetworkEvent {

    @Field(name = "tftp.operation", type = FieldType.STRING,
            doc = "read or write.")
    private String tftpOperation;

    @Field(name = "file.name", type = FieldType.STRING,
            doc = "Requested file name.")
    private String fileName;

    @Field(name = "tftp.mode", type = FieldType.STRING,
            doc = "Transfer mode: octet, netascii, mail.")
    private String tftpMode;

    public String getTftpOperation() {
        return tftpOperation;
    }

    public void setTftpOperation(String tftpOperation) {
        this.tftpOperation = tftpOperation;
    }

    public String getFileName() {
        return fileName;
    }

    public void setFileName(String fileName) {
        this.fileName = fileName;
    }

    public String getTftpMode() {
        return tftpMode;
    }

    public void setTftpMode(String tftpMode) {
        this.tftpMode = tftpMode;
    }
}
