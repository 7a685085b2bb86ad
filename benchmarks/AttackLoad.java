import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.event.DataComponent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Times AttackCatalog.load in one JVM: the first load is the cold one a command-line user waits for,
 * the later ones show the loader's steady-state speed. "cpu" is the loading thread's CPU time (JIT and
 * GC threads not included), which moves less than wall time when other jobs share the cores.
 * Run by attack-load.sh.
 * Usage: java -cp cli/target/dscover.jar benchmarks/AttackLoad.java BUNDLE LOADS
 */
public class AttackLoad {
    public static void main(String[] args) {
        Path bundle = Path.of(args[0]);
        int loads = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < loads; i++) {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            AttackCatalog c = AttackCatalog.load(bundle);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpu = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            System.out.println((i == 0 ? "cold " : "warm ") + ms + " ms wall " + cpu + " ms cpu  ATT&CK " + c.attackVersion() + ", "
                    + c.techniques().size() + " techniques, DS0029 " + c.detectedBy(DataComponent.CONNECTION_CREATION).size()
                    + "/" + c.detectedBy(DataComponent.TRAFFIC_CONTENT).size() + "/"
                    + c.detectedBy(DataComponent.TRAFFIC_FLOW).size());
        }
    }
}
