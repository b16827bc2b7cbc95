package org.monostore.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a module owns, declared on its package: only its own code names them in SQL; another
 * module that needs their data asks the module's API. Every table the migrations create has one owner
 * (ModuleStructureTest checks both).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

  String[] value();
}
