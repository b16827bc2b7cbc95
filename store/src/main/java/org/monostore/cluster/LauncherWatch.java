package org.monostore.cluster;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * A node started by {@link LocalCluster} stops (gracefully) when its launcher is gone, also when the
 * launcher was killed outright, so no node outlives {@code ./monostore cluster}.
 */
@Component
@ConditionalOnProperty("monostore.cluster.launcher-pid")
class LauncherWatch {

  LauncherWatch(LauncherSettings settings, ConfigurableApplicationContext context) {
    long launcherPid = settings.launcherPid();
    ProcessHandle launcher = ProcessHandle.of(launcherPid)
        .orElseThrow(() -> new IllegalStateException("The cluster's launcher (pid " + launcherPid + ") is gone"));
    launcher.onExit().thenRun(() -> System.exit(SpringApplication.exit(context)));
  }
}
