package org.monostore.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a {@link Persisted} record is stored under, as "capability.Name". It never changes: the
 * class may be renamed or moved, the rows written before keep reading as it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PersistedAs {
  String value();
}
