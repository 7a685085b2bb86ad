package io.dscover.model.event;

import java.util.List;

/** A notice raised by the sensor (Zeek notice.log). */
@EventType(name = "notice", components = {DataComponent.TRAFFIC_FLOW},
        doc = "A notice raised by the sensor (Zeek notice.log).")
public final class NoticeEvent extends NetworkEvent {

    @Field(name = "notice.note", type = FieldType.STRING,
            doc = "Notice type, e.g. Scan::Port_Scan.")
    private String noticeNote;

    @Field(name = "notice.msg", type = FieldType.STRING,
            doc = "Human-readable message.")
    private String noticeMsg;

    @Field(name = "notice.sub", type = FieldType.STRING,
            doc = "Sub-message.")
    private String noticeSub;

    @Field(name = "notice.actions", type = FieldType.STRING_LIST,
            doc = "Actions taken.")
    private List<String> noticeActions;

    public String getNoticeNote() {
        return noticeNote;
    }

    public void setNoticeNote(String noticeNote) {
        this.noticeNote = noticeNote;
    }

    public String getNoticeMsg() {
        return noticeMsg;
    }

    public void setNoticeMsg(String noticeMsg) {
        this.noticeMsg = noticeMsg;
    }

    public String getNoticeSub() {
        return noticeSub;
    }

    public void setNoticeSub(String noticeSub) {
        this.noticeSub = noticeSub;
    }

    public List<String> getNoticeActions() {
        return noticeActions;
    }

    public void setNoticeActions(List<String> noticeActions) {
        this.noticeActions = noticeActions == null ? null : List.copyOf(noticeActions);
    }
}
