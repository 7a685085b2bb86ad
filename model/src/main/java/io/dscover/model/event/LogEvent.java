package io.dscover.model.event;

/** A record from a log dscover has no dedicated event type for (e.g. Zeek files.log); its fields are kept as extra fields. */
@EventType(name = "log", components = {DataComponent.TRAFFIC_FLOW},
        doc = "A record from a log dscover has no dedicated event type for (e.g. Zeek files.log); its fields are kept as extra fields.")
public final class LogEvent extends NetworkEvent {


}
