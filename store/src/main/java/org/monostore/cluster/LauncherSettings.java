package org.monostore.cluster;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What {@code ./monostore cluster} tells the nodes it starts ({@code monostore.cluster.*}; the rest of
 * that prefix is Pekko's, see pekko/cluster.conf).
 *
 * @param launcherPid {@code launcher-pid}: the process id of the launcher; a node given one stops when
 *     that process is gone. Set by the launcher, not by hand
 */
@ConfigurationProperties("monostore.cluster")
@Validated
public record LauncherSettings(@Positive Long launcherPid) {}
