package io.dscover.cli;

import io.dscover.model.attack.AttackBundleException;
import io.dscover.model.attack.AttackCatalog;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --attack-bundle FILE}: the ATT&amp;CK release a command works against. Without it, dscover's
 * embedded DS0029 model (ATT&amp;CK v10.1) is used. Mix it into any command that needs the catalog
 * ({@code @Mixin AttackCatalogOption attack;} then {@code attack.catalog()}).
 */
public final class AttackCatalogOption {

    @Option(names = "--attack-bundle", paramLabel = "FILE",
            description = "A MITRE ATT&CK Enterprise release as a STIX bundle (.json or .json.gz, STIX 2.0 or 2.1, "
                    + "legacy or v18+ detection model). Default: the embedded DS0029 model (ATT&CK v10.1).")
    Path bundle;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private AttackCatalog catalog;

    /** The catalog, loaded once; a bundle that cannot be loaded is a usage error (exit 2) with a one-line message. */
    public AttackCatalog catalog() {
        if (catalog == null) {
            try {
                catalog = bundle == null ? AttackCatalog.embeddedDs0029() : AttackCatalog.load(bundle);
                if (mixee != null && !catalog.loadWarnings().isEmpty() && !GlobalOptions.of(mixee).quiet) {
                    for (String w : catalog.loadWarnings()) {
                        mixee.commandLine().getErr().println("dscover: warning: --attack-bundle " + bundle + ": " + w);
                    }
                    mixee.commandLine().getErr().flush();
                }
            } catch (AttackBundleException e) {
                throw new UserError(ExitCodes.USAGE, "--attack-bundle " + e.getMessage(), e);
            }
        }
        return catalog;
    }

    /** The bundle file given, or {@code null} for the embedded model. */
    public Path bundle() {
        return bundle;
    }

    /** "ATT&amp;CK 18.1 (enterprise-attack-v18.1.json.gz)" or "ATT&amp;CK 10.1 (embedded DS0029 model)". */
    public static String describe(AttackCatalog c) {
        return "ATT&CK " + c.attackVersion() + " (" + c.source() + ")";
    }
}
