/** The cluster's formation, its database discovery of peers, and the admin's view of its nodes. */
@OwnsTables("cluster_node")
package org.monostore.cluster;

import org.monostore.platform.OwnsTables;
