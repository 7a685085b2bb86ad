import io.dscover.coverage.run.FieldFillCounter;
import io.dscover.model.event.DnsEvent;
import io.dscover.model.event.FlowEvent;
import io.dscover.model.event.NetworkEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CPU cost per event of FieldFillCounter.accept (what --run-json adds to a run), measured as thread CPU
 * time over N realistic flow and dns events, after warm-up; median of several rounds. Run by run.sh.
 */
public class FillRateBench {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<NetworkEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i % 10 == 9) {
                DnsEvent d = new DnsEvent();
                d.setTs(1_700_000_000_000_000_000L + i);
                d.setSourceIp("10.0.0." + (i & 255));
                d.setDestinationIp("10.0.0.2");
                d.setDnsQuestionName("host" + (i & 1023) + ".example.com");
                events.add(d);
            } else {
                FlowEvent f = new FlowEvent();
                f.setTs(1_700_000_000_000_000_000L + i);
                f.setSourceIp("10.0." + ((i >> 8) & 255) + "." + (i & 255));
                f.setDestinationIp("192.0.2." + (i % 200));
                f.setSourcePort((long) (1024 + i % 60000));
                f.setDestinationPort(443L);
                f.setNetworkTransport("tcp");
                if (i % 3 == 0) {
                    f.setFlowState("SF");
                }
                events.add(f);
            }
        }
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double[] touch = new double[rounds];
        double[] full = new double[rounds];
        double[] sampled = new double[rounds];
        long sink = 0;
        for (int r = -2; r < rounds; r++) { // two warm-up rounds
            // the same walk over the events, reading one field: the memory cost any consumer pays
            long b0 = bean.getCurrentThreadCpuTime();
            for (NetworkEvent e : events) {
                sink += e.getTs() + e.eventType().length();
            }
            long b1 = bean.getCurrentThreadCpuTime();
            if (r >= 0) {
                touch[r] = (b1 - b0) / (double) n;
            }
            FieldFillCounter c = new FieldFillCounter();
            long t0 = bean.getCurrentThreadCpuTime();
            for (NetworkEvent e : events) {
                c.accept("aws-vpc", e);
            }
            long t1 = bean.getCurrentThreadCpuTime();
            if (r >= 0) {
                sampled[r] = (t1 - t0) / (double) n;
            }
            // every event examined: what the first 10,000 of each type cost
            FieldFillCounter all = new FieldFillCounter();
            long t2 = bean.getCurrentThreadCpuTime();
            for (int k = 0; k < Math.min(n, 10_000) * 20; k++) {
                all.accept("c" + (k / 10_000), events.get(k % Math.min(n, 10_000)));
            }
            long t3 = bean.getCurrentThreadCpuTime();
            if (r >= 0) {
                full[r] = (t3 - t2) / (double) (Math.min(n, 10_000) * 20);
            }
        }
        Arrays.sort(touch);
        Arrays.sort(full);
        Arrays.sort(sampled);
        System.out.printf("FieldFillCounter.accept, %,d events: median %.0f ns/event (sampled after 10,000 per type) "
                + "against %.0f ns/event to merely walk the events, so %.0f ns/event of its own; %.0f ns/event when every "
                + "event is examined (checksum %d)%n", n, sampled[rounds / 2], touch[rounds / 2],
                sampled[rounds / 2] - touch[rounds / 2], full[rounds / 2], sink & 1);
    }
}
