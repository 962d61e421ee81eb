using System.Text.Json.Nodes;

namespace Cro.Deployment.Tests;

/// <summary>
/// The production overlay as `kubectl apply -k deploy/kubernetes/overlays/production` sends it: every image it names is
/// one this repository builds, in the release's version, and every workload is probed, sized and locked down. Each test
/// lists all offenders at once.
/// </summary>
public sealed class ManifestTests
{
    private static readonly Lazy<List<JsonNode>> Production = new(() => Kustomize.Render(Kustomize.Production));

    private static IEnumerable<JsonNode> Kind(string kind) => Production.Value.Where(document => document.Text("kind") == kind);

    private static string Name(JsonNode document) => $"{document.Text("kind")}/{document.Text("metadata", "name")}";

    private static IEnumerable<JsonNode> Workloads => Kind("Deployment").Concat(Kind("Job"));

    private static JsonObject PodSpec(JsonNode workload) => workload.At("spec", "template", "spec")!.AsObject();

    private static void NoOffenders(IEnumerable<string> offenders, string rule)
    {
        var list = offenders.ToList();
        Assert.True(list.Count == 0, $"{rule}:\n  {string.Join("\n  ", list)}");
    }

    [Fact]
    public void The_production_overlay_renders_every_workload()
    {
        Assert.NotEmpty(Kind("Deployment"));
        Assert.Contains(Kind("Job"), job => job.Text("metadata", "name") == "db-setup");
        Assert.Contains(Kind("Job"), job => job.Text("metadata", "name") == "broker-setup");
    }

    [Fact]
    public void Every_deployable_project_names_its_image_and_describes_it()
    {
        NoOffenders(Repository.Deployables.Where(deployable => !deployable.ImportsContainersTargets || deployable.ContainerRepository is null
                || !deployable.ContainerRepository.StartsWith("cro-platform/", StringComparison.Ordinal) || string.IsNullOrWhiteSpace(deployable.Description))
                .Select(deployable => deployable.Project),
            "A deployable sets ContainerRepository (cro-platform/<name>) and Description (its image's label), then imports deploy/containers.targets");
        Assert.True(Repository.BuiltImages.Count >= 10, $"Only {Repository.BuiltImages.Count} images are built.");
    }

    [Fact]
    public void Every_image_the_manifests_name_is_one_the_repository_builds()
    {
        NoOffenders(Production.Value.SelectMany(document => Kustomize.Containers(document)
                .Select(container => (document, image: container.Text("image")!)))
                .Where(named => !Repository.BuiltImages.Contains(Image.Split(named.image).Name))
                .Select(named => $"{Name(named.document)}: {named.image}"),
            $"Images no project builds (built: {string.Join(", ", Repository.BuiltImages.Order())})");
    }

    [Fact]
    public void Every_image_the_repository_builds_is_deployed()
    {
        var named = Production.Value.SelectMany(Kustomize.Containers).Select(container => Image.Split(container.Text("image")!).Name).ToHashSet();

        NoOffenders(Repository.BuiltImages.Where(image => !named.Contains(image)), "Images built but deployed nowhere");
    }

    [Fact]
    public void Production_pins_every_image_to_the_release_version()
    {
        NoOffenders(Production.Value.SelectMany(document => Kustomize.Containers(document)
                .Select(container => (document, image: container.Text("image")!)))
                .Where(named => Image.Split(named.image).Tag != Repository.Version)
                .Select(named => $"{Name(named.document)}: {named.image}"),
            $"Not tagged {Repository.Version} (Directory.Build.props; deploy/build-images.sh --pin writes the overlay)");
    }

    [Fact]
    public void Every_Deployment_is_probed_on_alive_and_health()
    {
        NoOffenders(Kind("Deployment").SelectMany(deployment => PodSpec(deployment)["containers"]!.AsArray().OfType<JsonObject>().Select(container =>
            {
                var problems = new List<string>();
                if (container.Text("livenessProbe", "httpGet", "path") != "/alive") problems.Add("liveness is not GET /alive");
                if (container.Text("readinessProbe", "httpGet", "path") != "/health") problems.Add("readiness is not GET /health");
                if (container.Text("startupProbe", "httpGet", "path") is { } startup && startup != "/alive") problems.Add("start-up probe is not GET /alive");
                var port = container["ports"]?.AsArray().FirstOrDefault(port => port.Text("name") == "http");
                if (port?.Text("containerPort") != "8080") problems.Add("no port http = 8080 (the images listen there)");
                foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
                {
                    if (container.At(probe) is not null && container.Text(probe, "httpGet", "port") is not ("http" or "8080")) problems.Add($"{probe} not on port http");
                }
                return problems.Count == 0 ? null : $"{Name(deployment)}: {string.Join("; ", problems)}";
            })).OfType<string>(),
            "Deployments whose probes do not say whether the process lives (/alive) and may take traffic (/health)");
    }

    [Fact]
    public void Every_workload_requests_and_limits_cpu_and_memory()
    {
        NoOffenders(Workloads.SelectMany(workload => Kustomize.Containers(workload)
                .Where(container => new[] { "requests", "limits" }.Any(kind => new[] { "cpu", "memory" }.Any(resource =>
                    container.Text("resources", kind, resource) is null)))
                .Select(container => $"{Name(workload)}: {container.Text("name")}")),
            "Containers without requests and limits of both cpu and memory");
    }

    [Fact]
    public void Every_workload_runs_locked_down()
    {
        var user = Repository.ContainersProperty("ContainerUser");
        NoOffenders(Workloads.Select(workload =>
            {
                var pod = PodSpec(workload);
                var problems = new List<string>();
                if (pod.Text("automountServiceAccountToken") != "false") problems.Add("service-account token mounted");
                if (pod.Text("securityContext", "seccompProfile", "type") != "RuntimeDefault") problems.Add("no RuntimeDefault seccomp profile");
                if (pod.Text("securityContext", "runAsUser") is { } uid && uid != user) problems.Add($"runs as {uid}, the images as {user}");
                foreach (var container in Kustomize.Containers(workload))
                {
                    var name = container.Text("name");
                    var runAsNonRoot = container.Text("securityContext", "runAsNonRoot") ?? pod.Text("securityContext", "runAsNonRoot");
                    if (runAsNonRoot != "true") problems.Add($"{name}: not runAsNonRoot");
                    if (container.Text("securityContext", "allowPrivilegeEscalation") != "false") problems.Add($"{name}: privilege escalation allowed");
                    if (container.Text("securityContext", "privileged") == "true") problems.Add($"{name}: privileged");
                    if (container.At("securityContext", "capabilities", "drop") is not JsonArray drop || !drop.Any(capability => capability?.ToString() == "ALL"))
                        problems.Add($"{name}: capabilities not dropped (drop: [ALL])");
                    if (container.At("securityContext", "capabilities", "add") is JsonArray { Count: > 0 }) problems.Add($"{name}: adds capabilities");
                    if (container.Text("securityContext", "readOnlyRootFilesystem") != "true") problems.Add($"{name}: root filesystem writable");
                    // .NET writes to /tmp (diagnostics sockets, temporary files): a read-only root needs a volume there.
                    else if (container["volumeMounts"]?.AsArray().Any(mount => mount.Text("mountPath") == "/tmp") != true) problems.Add($"{name}: read-only root without a /tmp volume");
                }
                return problems.Count == 0 ? null : $"{Name(workload)}: {string.Join("; ", problems)}";
            }).OfType<string>(),
            "Workloads not locked down (non-root, no privilege escalation, no capabilities, read-only root)");
    }

    [Fact]
    public void Every_Deployment_is_scaled_and_protected_from_drains()
    {
        NoOffenders(Kind("Deployment").Select(deployment => deployment.Text("metadata", "name")!).SelectMany(name =>
                new[]
                {
                    Kind("HorizontalPodAutoscaler").Any(hpa => hpa.Text("spec", "scaleTargetRef", "name") == name) ? null : $"{name}: no HorizontalPodAutoscaler",
                    Kind("PodDisruptionBudget").Any(pdb => pdb.Text("spec", "selector", "matchLabels", "app.kubernetes.io/name") == name) ? null : $"{name}: no PodDisruptionBudget",
                    Kind("Deployment").Single(deployment => deployment.Text("metadata", "name") == name).At("spec", "replicas") is null ? null : $"{name}: replicas set (the HPA owns the count)",
                }).OfType<string>(),
            "Deployments without their autoscaler or disruption budget");
    }
}
