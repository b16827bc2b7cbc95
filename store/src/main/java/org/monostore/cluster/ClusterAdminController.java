package org.monostore.cluster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin's view of the cluster: its nodes, what each one hosts, and which node answered. */
@Tag(name = "Admin: cluster", description = "The cluster's nodes, their status, and the shards and entities on each")
@RestController
@RequestMapping("/api/admin/cluster")
class ClusterAdminController {

  private final ClusterOverview overview;

  ClusterAdminController(ClusterOverview overview) {
    this.overview = overview;
  }

  @Operation(summary = "The cluster as the answering node sees it",
      description = "The members from this node's cluster state; the shards and live entities per kind on each "
          + "from its shard regions, all asked at once and waited for up to 4 s. A member whose regions did not "
          + "answer in time, or that is unreachable, is listed without their counts, with statsComplete false.")
  @GetMapping
  ClusterOverview.Overview cluster() {
    return overview.now();
  }
}
