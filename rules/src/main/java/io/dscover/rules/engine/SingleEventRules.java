package io.dscover.rules.engine;

import java.util.List;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Whether every rule of a base matches one event on its own: its condition is a single plain
 * pattern (no join, {@code not}, {@code exists}, {@code accumulate} or {@code from}). Then several
 * events may sit in the session at once without any rule seeing two of them, and a batch of events
 * can be matched with one {@code fireAllRules} (see {@link Matcher}).
 */
final class SingleEventRules {

    private SingleEventRules() {
    }

    static boolean all(KieBase base) {
        for (KiePackage p : base.getKiePackages()) {
            for (Rule r : p.getRules()) {
                if (!(r instanceof RuleImpl rule) || !singleEvent(rule)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean singleEvent(RuleImpl rule) {
        if (rule.isQuery()) {
            return true; // queries never fire
        }
        GroupElement lhs = rule.getLhs();
        List<RuleConditionElement> children = lhs.getChildren();
        return lhs.isAnd() && children.size() == 1 && children.get(0) instanceof Pattern p && p.getSource() == null;
    }
}
