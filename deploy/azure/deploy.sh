#!/usr/bin/env bash
# Deploys MonoStore to Azure Container Apps with main.bicep (docs/production.md walks through it):
#   MONOSTORE_IMAGE=myregistry.azurecr.io/monostore:1.0.0 \
#   MONOSTORE_ADMIN_PASSWORD=... MONOSTORE_DATABASE_PASSWORD=... \
#   deploy/azure/deploy.sh <resource group> [location]
# Optional: MONOSTORE_REGISTRY_SERVER, MONOSTORE_REGISTRY_USERNAME, MONOSTORE_REGISTRY_PASSWORD for a
# private registry; MONOSTORE_MIN_REPLICAS, MONOSTORE_MAX_REPLICAS. Run it again to update: the same
# template, a new image tag, a new revision.
set -euo pipefail

usage() {
  echo "usage: MONOSTORE_IMAGE=... MONOSTORE_ADMIN_PASSWORD=... MONOSTORE_DATABASE_PASSWORD=... $0 <resource group> [location]" >&2
  exit 2
}

[ $# -ge 1 ] || usage
resource_group=$1
location=${2:-swedencentral}
: "${MONOSTORE_IMAGE:?set MONOSTORE_IMAGE to the image of the store in your registry}"
: "${MONOSTORE_ADMIN_PASSWORD:?set MONOSTORE_ADMIN_PASSWORD: the password of the admin, shared by every node}"
: "${MONOSTORE_DATABASE_PASSWORD:?set MONOSTORE_DATABASE_PASSWORD: the password of the PostgreSQL administrator}"

command -v az >/dev/null || {
  echo "deploy.sh: needs the Azure CLI (az), signed in: az login" >&2
  exit 1
}

here=$(cd "$(dirname "$0")" && pwd)

az group create --name "$resource_group" --location "$location" --output none

# Secrets go in a parameters file readable by this user only, never on the command line (ps shows it).
parameters=$(mktemp)
trap 'rm -f "$parameters"' EXIT
chmod 600 "$parameters"
python3 - "$parameters" <<'EOF'
import json, os, sys
values = {
    "image": os.environ["MONOSTORE_IMAGE"],
    "adminPassword": os.environ["MONOSTORE_ADMIN_PASSWORD"],
    "databasePassword": os.environ["MONOSTORE_DATABASE_PASSWORD"],
    "registryServer": os.environ.get("MONOSTORE_REGISTRY_SERVER", ""),
    "registryUsername": os.environ.get("MONOSTORE_REGISTRY_USERNAME", ""),
    "registryPassword": os.environ.get("MONOSTORE_REGISTRY_PASSWORD", ""),
}
for setting, variable in (("minReplicas", "MONOSTORE_MIN_REPLICAS"), ("maxReplicas", "MONOSTORE_MAX_REPLICAS")):
    if os.environ.get(variable):
        values[setting] = int(os.environ[variable])
with open(sys.argv[1], "w") as out:
    json.dump({
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {name: {"value": value} for name, value in values.items()},
    }, out)
EOF

az deployment group create \
  --resource-group "$resource_group" \
  --name monostore \
  --template-file "$here/main.bicep" \
  --parameters "@$parameters" \
  --output none

url=$(az deployment group show --resource-group "$resource_group" --name monostore \
  --query properties.outputs.url.value --output tsv)
echo "MonoStore: $url (API, $url/docs, $url/admin/)"
echo "Replicas: az containerapp replica list --resource-group $resource_group --name monostore --output table"
