package io.dscover.dsl.validate;

import io.dscover.dsl.diagnostic.Diagnostics;
import io.dscover.dsl.resolve.Program;

/** One check over the whole program; reports through {@code out} and never throws on bad rules. */
public interface Validator {

    void validate(Program program, Diagnostics out);

    /** The diagnostic code: the class's simple name. */
    default String code() {
        return getClass().getSimpleName();
    }
}
