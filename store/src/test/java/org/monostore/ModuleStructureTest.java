package org.monostore;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The business capabilities are modules: no cycles, and none reaches into another's internals. */
class ModuleStructureTest {

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirApis() {
    ApplicationModules.of(MonoStoreApplication.class).verify();
  }
}
