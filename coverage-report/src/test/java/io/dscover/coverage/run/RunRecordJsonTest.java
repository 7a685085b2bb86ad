package io.dscover.coverage.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunRecordJsonTest {

    static RunRecord sample() {
        RunRecord.Input aws = new RunRecord.Input("AWSLogs/1/vpcflowlogs/x.log.gz", "aws-vpc", 778, Map.of("flow", 777L),
                Map.of(), Map.of("NODATA (no traffic on the interface in the interval)", 1L), 1,
                List.of(new RunRecord.Gap("2025-11-04T13:00:00Z", "2025-11-04T13:01:00Z", "NODATA", "eni-0abc")),
                Optional.of("2025-11-04T13:00:00Z"), Optional.of("2025-11-04T13:34:00Z"));
        RunRecord.Input bad = new RunRecord.Input("notes.txt", "", 0, Map.of(), Map.of("unrecognised format", 1L), Map.of(), 0,
                List.of(), Optional.empty(), Optional.empty());
        RunRecord.EventTypeFill flow = new RunRecord.EventTypeFill("flow", "aws-vpc", 777, 777,
                List.of(new RunRecord.FieldFill("source.ip", 777, 1.0), new RunRecord.FieldFill("flow.state", 0, 0.0)));
        return new RunRecord("collect", "dscover test", "2025-11-28T10:00:00Z", List.of(aws, bad), List.of(flow));
    }

    static String write(RunRecord r) throws Exception {
        StringWriter w = new StringWriter();
        RunRecordJson.write(r, w);
        return w.toString();
    }

    @Test
    void aRecordReadsBackAsItWasWritten() throws Exception {
        String json = write(sample());
        assertThat(json).contains("\"format\" : \"dscover-run\"", "\"formatVersion\" : 1");
        assertThat(RunRecordJson.read(new StringReader(json), "run.json")).isEqualTo(sample());
    }

    @Test
    void somethingElseIsRefusedWithTheFileAndTheProblem() {
        assertThatThrownBy(() -> RunRecordJson.read(new StringReader("{\"format\":\"dscover-coverage\"}"), "r.json"))
                .hasMessageStartingWith("r.json: not a dscover run record");
        assertThatThrownBy(() -> RunRecordJson.read(new StringReader("{\"format\":\"dscover-run\",\"formatVersion\":7}"), "r.json"))
                .hasMessage("r.json: run record format version 7 is not the version this dscover reads (1)");
        assertThatThrownBy(() -> RunRecordJson.read(new StringReader("{\"format\":\"dscover-run\",\n\"formatVersion\":1,"), "r.json"))
                .hasMessageStartingWith("r.json: not JSON:").hasMessageContaining("line 2");
        assertThatThrownBy(() -> RunRecordJson.read(new StringReader("{\"format\":\"dscover-run\",\"formatVersion\":1,"
                + "\"inputs\":[{\"input\":\"a\",\"records\":-3}]}"), "r.json"))
                .hasMessage("r.json: inputs[0].records must be a count (0 or more)");
        assertThatThrownBy(() -> RunRecordJson.read(new StringReader("{\"format\":\"dscover-run\",\"formatVersion\":1,"
                + "\"inputs\":[{\"input\":\"a\",\"records\":1,\"events\":{\"flow\":\"many\"}}]}"), "r.json"))
                .hasMessage("r.json: inputs[0].events.flow must be a count (0 or more)");
    }
}
