// MonoStore on Azure Container Apps with Azure Database for PostgreSQL flexible server, in one VNet.
// Deploy with deploy.sh beside it (docs/production.md). Not deployed from the machine it was written
// on (no Azure subscription there): read docs/production.md, "What was not tried".

@description('Where everything goes.')
param location string = resourceGroup().location

@description('A short prefix for the resources\' names.')
param name string = 'monostore'

@description('The store\'s image, e.g. myregistry.azurecr.io/monostore:1.0.0 (monostore:latest is a placeholder).')
param image string = 'monostore:latest'

@description('The image registry\'s server, user and password; empty for a public image.')
param registryServer string = ''
param registryUsername string = ''
@secure()
param registryPassword string = ''

@description('The nodes always running. Three: one node can be lost and the majority stays.')
@minValue(3)
param minReplicas int = 3

@description('At most this many nodes. Below twice minReplicas, so that scaling in, which may remove every replica above the minimum at once, never removes half the cluster.')
param maxReplicas int = 5

@description('A replica is added when a replica\'s requests per second (Container Apps counts the last 15 s over 15) exceed this: 5,000 cart writes/s take 0.9 of two cores at the measured CPU per write (docs/production.md, Sizing).')
param concurrentRequestsPerReplica int = 5000

@description('The admin\'s password, the same on every node.')
@secure()
param adminPassword string

@description('The PostgreSQL administrator the store connects as.')
param databaseUser string = 'monostore'
@secure()
param databasePassword string

@description('The PostgreSQL server\'s compute: 2 vCores serve the writes of about three store nodes (docs/production.md, Sizing).')
param databaseSku string = 'Standard_D2ds_v5'
param databaseTier string = 'GeneralPurpose'
param databaseStorageGB int = 128

@description('Zone-redundant high availability: a standby in another zone takes over in about a minute or two.')
param databaseHighAvailability bool = false

var databaseName = 'monostore'

resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${name}-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: ['10.40.0.0/16']
    }
    subnets: [
      {
        // The Container Apps environment's replicas: they reach each other here on 7355 and 8558.
        name: 'apps'
        properties: {
          addressPrefix: '10.40.0.0/23'
          delegations: [
            {
              name: 'apps'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        // The PostgreSQL server, reachable from the VNet only.
        name: 'database'
        properties: {
          addressPrefix: '10.40.2.0/24'
          delegations: [
            {
              name: 'database'
              properties: {
                serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
              }
            }
          ]
        }
      }
    ]
  }
}

resource databaseDns 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${name}.private.postgres.database.azure.com'
  location: 'global'
}

resource databaseDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: databaseDns
  name: '${name}-vnet'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: network.id
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {
  name: '${name}-db-${uniqueString(resourceGroup().id)}'
  location: location
  sku: {
    name: databaseSku
    tier: databaseTier
  }
  properties: {
    version: '17'
    administratorLogin: databaseUser
    administratorLoginPassword: databasePassword
    storage: {
      storageSizeGB: databaseStorageGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 14
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: databaseHighAvailability ? 'ZoneRedundant' : 'Disabled'
    }
    network: {
      delegatedSubnetResourceId: network.properties.subnets[1].id
      privateDnsZoneArmResourceId: databaseDns.id
    }
  }
  dependsOn: [databaseDnsLink]
}

resource storeDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01' = {
  parent: database
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

// Each node opens at most 16 connections (Spring's pool 10, the journal's 2, the queries' 4); during an
// update the old and the new revision run side by side: 2 x maxReplicas x 16 = 160, and room for
// administration beside them. Changing it restarts the server.
resource maxConnections 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2025-08-01' = {
  parent: database
  name: 'max_connections'
  properties: {
    value: '200'
    source: 'user-override'
  }
}

// An acknowledged write is one PostgreSQL has flushed: the journal answers only after the commit.
resource synchronousCommit 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2025-08-01' = {
  parent: database
  name: 'synchronous_commit'
  properties: {
    value: 'on'
    source: 'user-override'
  }
  dependsOn: [maxConnections]
}

// The read models read only the journal rows of transactions older than the oldest one still open on
// the server, so a session left idle in a transaction holds every projection back until it ends.
resource idleTransactions 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2025-08-01' = {
  parent: database
  name: 'idle_in_transaction_session_timeout'
  properties: {
    value: '60000'
    source: 'user-override'
  }
  dependsOn: [synchronousCommit]
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 30
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    vnetConfiguration: {
      infrastructureSubnetId: network.properties.subnets[0].id
      internal: false
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var registrySecrets = empty(registryServer) ? [] : [
  {
    name: 'registry-password'
    value: registryPassword
  }
]

resource store 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      // One revision at a time: an update starts the new revision's replicas, which join the running
      // cluster through the database, then stops the old ones (docs/production.md, Updates).
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        transport: 'http'
        targetPort: 8080
        allowInsecure: false
        // The admin UI's sign-in session lives in one node's memory: its browser stays with that node.
        stickySessions: {
          affinity: 'sticky'
        }
        // Inside the environment only: cluster remoting and Pekko Management, node to node.
        additionalPortMappings: [
          {
            external: false
            targetPort: 7355
            exposedPort: 7355
          }
          {
            external: false
            targetPort: 8558
            exposedPort: 8558
          }
        ]
      }
      registries: empty(registryServer) ? [] : [
        {
          server: registryServer
          username: registryUsername
          passwordSecretRef: 'registry-password'
        }
      ]
      secrets: concat([
        {
          name: 'database-url'
          value: 'jdbc:postgresql://${database.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require'
        }
        {
          name: 'database-user'
          value: databaseUser
        }
        {
          name: 'database-password'
          value: databasePassword
        }
        {
          name: 'admin-password'
          value: adminPassword
        }
      ], registrySecrets)
    }
    template: {
      // Spring's drain (10 s) and Pekko's cluster shutdown phases at their timeouts (40 s).
      terminationGracePeriodSeconds: 60
      containers: [
        {
          name: 'store'
          image: image
          resources: {
            cpu: json('2.0')
            memory: '4Gi'
          }
          env: [
            {
              name: 'MONOSTORE_DISCOVERY'
              value: 'database'
            }
            // No variable gives a replica its own IP: Pekko resolves this to the address of the
            // replica's host name (InetAddress.getLocalHost), and Pekko Management the other one.
            {
              name: 'MONOSTORE_CLUSTER_HOST'
              value: '<getHostAddress>'
            }
            {
              name: 'MONOSTORE_MANAGEMENT_HOST'
              value: '<hostname>'
            }
            {
              name: 'MONOSTORE_REQUIRED_CONTACT_POINTS'
              value: '2'
            }
            {
              name: 'SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE'
              value: '10s'
            }
            {
              name: 'SPRING_DATASOURCE_URL'
              secretRef: 'database-url'
            }
            {
              name: 'SPRING_DATASOURCE_USERNAME'
              secretRef: 'database-user'
            }
            {
              name: 'SPRING_DATASOURCE_PASSWORD'
              secretRef: 'database-password'
            }
            {
              name: 'MONOSTORE_ADMIN_PASSWORD'
              secretRef: 'admin-password'
            }
          ]
          probes: [
            {
              // Until Tomcat answers; up to 2 minutes for a first start that migrates the schema
              // (Container Apps allows at most 10 failures).
              type: 'Startup'
              httpGet: {
                path: '/actuator/health/liveness'
                port: 8080
              }
              initialDelaySeconds: 10
              periodSeconds: 10
              failureThreshold: 10
            }
            {
              // An Up member with its shard regions registered; a leaving node stops being ready.
              type: 'Readiness'
              httpGet: {
                path: '/ready'
                port: 8558
              }
              periodSeconds: 5
              timeoutSeconds: 2
              failureThreshold: 2
            }
            {
              // Not tied to the cluster: an unreachable node is the split brain resolver's to handle.
              type: 'Liveness'
              httpGet: {
                path: '/alive'
                port: 8558
              }
              periodSeconds: 10
              timeoutSeconds: 3
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'requests-in-flight'
            http: {
              metadata: {
                concurrentRequests: string(concurrentRequestsPerReplica)
              }
            }
          }
        ]
      }
    }
  }
  dependsOn: [storeDatabase, idleTransactions]
}

output url string = 'https://${store.properties.configuration.ingress.fqdn}'
output databaseHost string = database.properties.fullyQualifiedDomainName
