package io.dscover.model.event;

/** Protocol anomaly the sensor reported (Zeek weird.log). */
@EventType(name = "weird", components = {DataComponent.TRAFFIC_FLOW},
        doc = "Protocol anomaly the sensor reported (Zeek weird.log).")
public final class WeirdEvent extends NetworkEvent {

    @Field(name = "weird.name", type = FieldType.STRING,
            doc = "Name of the anomaly, e.g. bad_TCP_checksum.")
    private String weirdName;

    @Field(name = "weird.addl", type = FieldType.STRING,
            doc = "Additional information.")
    private String weirdAddl;

    @Field(name = "weird.notice", type = FieldType.BOOL,
            doc = "The anomaly also raised a notice.")
    private Boolean weirdNotice;

    public String getWeirdName() {
        return weirdName;
    }

    public void setWeirdName(String weirdName) {
        this.weirdName = weirdName;
    }

    public String getWeirdAddl() {
        return weirdAddl;
    }

    public void setWeirdAddl(String weirdAddl) {
        this.weirdAddl = weirdAddl;
    }

    public Boolean getWeirdNotice() {
        return weirdNotice;
    }

    public void setWeirdNotice(Boolean weirdNotice) {
        this.weirdNotice = weirdNotice;
    }
}
