package org.monostore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The business capabilities are modules: no cycles, none reaches into another's internals, and none
 * reads or writes another's tables (where no import would show it).
 */
class ModuleStructureTest {

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirApis() {
    ApplicationModules.of(MonoStoreApplication.class).verify();
  }

  @Test
  void everyTableTheMigrationsCreateHasOneOwningModule() {
    Map<String, String> owners = TableOwnership.declared();
    assertThat(owners.keySet()).as("tables declared with @OwnsTables")
        .containsExactlyInAnyOrderElementsOf(TableOwnership.createdByMigrations());
  }

  @Test
  void noModuleNamesAnotherModulesTableInItsSql() {
    List<String> reads = TableOwnership.crossModuleReads();
    assertThat(reads).as("SQL naming another module's table").isEmpty();
  }
}
