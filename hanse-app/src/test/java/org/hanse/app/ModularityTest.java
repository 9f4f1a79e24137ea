package org.hanse.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The application modules stay acyclic and use each other only through their public API; their docs are generated. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(HanseApplication.class);

    @Test
    void modulesAreWellFormed() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
