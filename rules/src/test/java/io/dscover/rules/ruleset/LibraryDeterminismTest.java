package io.dscover.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import io.dscover.dsl.spec.CompiledRuleSet;
import io.dscover.model.event.NetworkEvent;
import io.dscover.rules.alert.JsonLinesAlertWriter;
import io.dscover.rules.bench.SyntheticFlows;
import io.dscover.rules.engine.Engine;
import io.dscover.rules.engine.EngineRun;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in library gives the same alerts, byte for byte, whether matching runs in the calling
 * thread or on matcher threads with the state machines on a thread of their own.
 */
class LibraryDeterminismTest {

    private static String jsonLines(Engine engine, List<NetworkEvent> events) {
        StringWriter out = new StringWriter();
        try (JsonLinesAlertWriter w = new JsonLinesAlertWriter(out); EngineRun run = engine.start(w)) {
            events.forEach(run::accept);
            run.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Test
    void matcherThreadsDoNotChangeABitOfTheLibrarysAlerts() {
        // about an hour of Zeek-like traffic with planted scans, lateral movement and a DNS tunnel
        List<NetworkEvent> events = new ArrayList<>();
        SyntheticFlows traffic = SyntheticFlows.zeek(60_000, 15);
        NetworkEvent e;
        while ((e = traffic.next()) != null) {
            events.add(e);
        }
        CompiledRuleSet library = BuiltInLibrary.compile().ruleSet().orElseThrow();
        Engine engine = RuleSetEngine.builder(library).kjarCache(null).matcherThreads(0).build();
        String inline = jsonLines(engine, events);
        assertThat(inline.lines().count()).isGreaterThan(5);
        assertThat(inline).contains("\"rule\":\"port_scan\"", "\"rule\":\"dns_txt_tunnel\"");
        for (int threads : new int[] {1, 2, 3}) {
            assertThat(jsonLines(engine.withMatcherThreads(threads), events)).as("%d matcher threads", threads)
                    .isEqualTo(inline);
        }
    }
}
