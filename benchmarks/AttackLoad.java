import io.dscover.model.attack.AttackCatalog;
import io.dscover.model.event.DataComponent;
import java.nio.file.Path;

/**
 * Times AttackCatalog.load in one JVM: the first load is the cold one a command-line user waits for,
 * the later ones show the loader's steady-state speed. Run by attack-load.sh.
 * Usage: java -cp cli/target/dscover.jar benchmarks/AttackLoad.java BUNDLE LOADS
 */
public class AttackLoad {
    public static void main(String[] args) {
        Path bundle = Path.of(args[0]);
        int loads = Integer.parseInt(args[1]);
        for (int i = 0; i < loads; i++) {
            long t0 = System.nanoTime();
            AttackCatalog c = AttackCatalog.load(bundle);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println((i == 0 ? "cold " : "warm ") + ms + " ms  ATT&CK " + c.attackVersion() + ", "
                    + c.techniques().size() + " techniques, DS0029 " + c.detectedBy(DataComponent.CONNECTION_CREATION).size()
                    + "/" + c.detectedBy(DataComponent.TRAFFIC_CONTENT).size() + "/"
                    + c.detectedBy(DataComponent.TRAFFIC_FLOW).size());
        }
    }
}
