package org.monostore.platform;

import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * A store that cannot start says so in one line on standard error, what is wrong and how to fix it:
 * {@code monostore: cannot start: <what>. <how to fix>}, instead of Spring Boot's stack trace or its
 * "APPLICATION FAILED TO START" block. The failure analyzers tell what and how (StartupFailureAnalyzer
 * first, then Spring Boot's); {@code --debug} prints the whole cause before the line.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartupFailureReport implements SpringBootExceptionReporter {

  private static final Log log = LogFactory.getLog(StartupFailureReport.class);

  private final ConfigurableApplicationContext context;

  public StartupFailureReport(ConfigurableApplicationContext context) {
    this.context = context;
  }

  @Override
  public boolean reportException(Throwable failure) {
    FailureAnalysis analysis = analyze(failure);
    // Spring Boot closes the context after this report: closing it first makes the line come last.
    try {
      context.close();
    } catch (RuntimeException closing) {
      failure.addSuppressed(closing);
    }
    if (debugging()) {
      failure.printStackTrace();
    }
    System.err.println("monostore: cannot start: " + sentence(analysis.getDescription()) + " "
        + sentence(analysis.getAction()));
    System.err.flush();
    return true;
  }

  private FailureAnalysis analyze(Throwable failure) {
    Environment environment = context.getEnvironment();
    List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(context.getClassLoader())
        .load(FailureAnalyzer.class,
            ArgumentResolver.of(BeanFactory.class, context.getBeanFactory()).and(Environment.class, environment),
            FailureHandler.logging(log));
    for (FailureAnalyzer analyzer : analyzers) {
      try {
        FailureAnalysis analysis = analyzer.analyze(failure);
        if (analysis != null) {
          return analysis;
        }
      } catch (RuntimeException analyzerFailed) {
        log.trace("Failure analyzer " + analyzer + " failed", analyzerFailed);
      }
    }
    Throwable root = StartupFailureAnalyzer.rootCause(failure);
    return new FailureAnalysis(root.getMessage() != null ? root.getMessage() : root.getClass().getName(),
        "Start it again with --debug to see the whole cause", failure);
  }

  /** As Spring Boot reads --debug: set, and not to false. */
  private boolean debugging() {
    String debug = context.getEnvironment().getProperty("debug");
    return debug != null && !debug.equals("false");
  }

  /** On one line, ending in a full stop: analyses from Spring Boot span lines and indent. */
  private static String sentence(String text) {
    String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return line.endsWith(".") ? line : line + ".";
  }
}
