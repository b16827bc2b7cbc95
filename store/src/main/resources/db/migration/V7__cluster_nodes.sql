-- The database discovery (cluster/DatabaseDiscovery): each node of a cluster that finds its peers
-- through this database keeps a row with the address of its Pekko Management endpoint and renews
-- heartbeat_at every few seconds; a row not renewed within the expiry is a node that is gone. Only
-- where the cluster forms is read from here: membership and failure detection are Pekko Cluster's.
CREATE TABLE cluster_node (
  service_name VARCHAR(100) NOT NULL,
  host VARCHAR(255) NOT NULL,
  management_port INT NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  heartbeat_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (service_name, host, management_port)
);
