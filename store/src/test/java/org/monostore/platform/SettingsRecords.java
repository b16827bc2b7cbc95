package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.TreeSet;
import org.monostore.MonoStoreApplication;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The settings of the store's {@code @ConfigurationProperties} records, found on the classpath. */
public final class SettingsRecords {

  private SettingsRecords() {}

  /** Every setting the records read, by its documented name ({@code monostore.cart.max-lines}). */
  public static Set<String> settings() {
    var scan = new ClassPathScanningCandidateComponentProvider(false);
    scan.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    Set<String> names = new TreeSet<>();
    for (BeanDefinition candidate : scan.findCandidateComponents(MonoStoreApplication.class.getPackageName())) {
      Class<?> type = load(candidate.getBeanClassName());
      assertThat(type.isRecord()).as("%s, a settings class, is a record", type).isTrue();
      settings(type.getAnnotation(ConfigurationProperties.class).value(), type, names);
    }
    assertThat(names).as("settings of the records").isNotEmpty();
    return names;
  }

  /** A record's settings: its components, and the components of its nested settings records. */
  private static void settings(String prefix, Class<?> record, Set<String> into) {
    for (RecordComponent component : record.getRecordComponents()) {
      String name = prefix + "." + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
      if (component.getType().isRecord() && component.getType().getPackageName().startsWith("org.monostore")) {
        settings(name, component.getType(), into);
      } else {
        into.add(name);
      }
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
