#!/usr/bin/env bash
# Builds the container image of every deployable (each project that imports deploy/containers.targets) with
# the .NET SDK's container publishing: no Dockerfile and no Docker engine.
#   deploy/build-images.sh                 artifacts/images/<name>.tar.gz, one per image (docker/podman load them)
#   deploy/build-images.sh --push [REG]    pushes to REG instead (default ghcr.io; log in first, e.g. docker login,
#                                          whose credentials the SDK reads)
#   deploy/build-images.sh --pin           afterwards, pins every image of overlays/production to the built version
#   deploy/build-images.sh --only web ...  only the named images (with --pin, pins all the same: one release, one version)
# The version is Directory.Build.props' VersionPrefix: a release bumps it, builds, pins, commits.
# The SDK downloads the base images (mcr.microsoft.com/dotnet/aspnet and runtime, 10.0-noble-chiseled-extra): the
# build needs that registry, which the project's own development and CI machines cannot reach (deploy/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

registry="" pin=false only=()
while [ $# -gt 0 ]; do
  case "$1" in
    --push) shift; registry=ghcr.io; if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then registry=$1; shift; fi ;;
    --pin) pin=true; shift ;;
    --only) shift; while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do only+=("$1"); shift; done ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "Unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version=$(dotnet msbuild gateway/Gateway.csproj -getProperty:Version)
revision=$(git rev-parse HEAD 2>/dev/null || true)

# name<TAB>project, from the projects themselves (ContainerRepository cro-platform/<name>).
mapfile -t deployables < <(grep -rl --include='*.csproj' 'containers.targets' services gateway | sort | while read -r project; do
  name=$(sed -n 's|.*<ContainerRepository>cro-platform/\(.*\)</ContainerRepository>.*|\1|p' "$project")
  printf '%s\t%s\n' "$name" "$project"
done)

# By default each archive goes where deploy/containers.targets says (artifacts/images/<name>.tar.gz).
target=()
[ -n "$registry" ] && target=(-p:ContainerArchiveOutputPath= -p:ContainerRegistry="$registry")

built=() failed=()
for entry in "${deployables[@]}"; do
  name=${entry%%$'\t'*} project=${entry#*$'\t'}
  if [ ${#only[@]} -gt 0 ] && ! printf '%s\n' "${only[@]}" | grep -qx "$name"; then continue; fi
  echo "== $name $version ($project)"
  if dotnet publish "$project" -c Release -t:PublishContainer -nologo -v quiet -clp:ErrorsOnly \
       -p:Version="$version" ${revision:+-p:SourceRevisionId="$revision"} "${target[@]}"; then
    built+=("$name")
  else
    failed+=("$name")
  fi
done

where=${registry:-artifacts/images}
[ ${#built[@]} -gt 0 ] && echo "Built ${built[*]} ($version) into $where."
if [ ${#failed[@]} -gt 0 ]; then
  echo "Failed: ${failed[*]}. If the errors above say the base image could not be fetched, this machine cannot reach" >&2
  echo "mcr.microsoft.com: build where it can (deploy/README.md, \"Images\")." >&2
  exit 1
fi

if $pin; then
  # Rewrites the images: list of the production overlay (up to its first blank line) from the deployables.
  overlay=deploy/kubernetes/overlays/production/kustomization.yaml
  entries=$(for entry in "${deployables[@]}"; do
    name=${entry%%$'\t'*}
    echo "  - name: ghcr.io/cro-platform/$name"
    [ -n "$registry" ] && [ "$registry" != ghcr.io ] && echo "    newName: $registry/cro-platform/$name"
    echo "    newTag: \"$version\""
  done)
  awk -v entries="$entries" '
    /^images:/ { print; print entries; skipping = 1; next }
    skipping && /^[[:space:]]*$/ { skipping = 0 }
    !skipping { print }' "$overlay" > "$overlay.new"
  mv "$overlay.new" "$overlay"
  echo "Pinned every image of $overlay to $version."
fi
