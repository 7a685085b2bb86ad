package io.dscover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void summarisesTheModelAndTheEventTypesFromTheBuiltInData() {
        CommandRun r = CommandRun.of("demo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).containsPattern("Network Connection Creation \\(connection\\)\\s+DC0082\\s+58\\s+30\\s+28")
                .containsPattern("Network Traffic Content \\(content\\)\\s+DC0085\\s+96\\s+44\\s+52")
                .containsPattern("Network Traffic Flow \\(flow\\)\\s+DC0078\\s+82\\s+38\\s+44")
                .containsPattern("any of the three\\s+131\\s+60\\s+71")
                .containsPattern("Command and Control\\s+TA0011")
                .containsPattern("\\n  dns\\s+\\d+ \\+ common\\s+content, flow");
    }
}
