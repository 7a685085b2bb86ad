package io.dscover.coverage.render;

import io.dscover.coverage.report.Level;

/** One colour per level, shared by the Navigator layer and the HTML report so both read the same. */
final class LevelColors {

    private LevelColors() {
    }

    /** Background colour of a level: a gap reads red, visible amber, detected light green, validated green. */
    static String of(Level level) {
        return switch (level) {
            case NONE -> "#f4b6b0";
            case VISIBLE -> "#fcd77f";
            case DETECTED -> "#a8dc8f";
            case VALIDATED -> "#3f9c4a";
        };
    }

    /** What a level means, for legends. */
    static String meaning(Level level) {
        return switch (level) {
            case NONE -> "0 none: the telemetry supplies no component that detects it";
            case VISIBLE -> "1 visible: telemetry supplies a detecting component, no rule runs";
            case DETECTED -> "2 detected: an enabled rule for it runs on the telemetry";
            case VALIDATED -> "3 validated: such a rule's tests all passed";
        };
    }
}
