using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Cro.Deployment.Tests;

/// <summary>
/// The rendered manifests of a kustomization, as `kubectl apply -k` would send them. Two ways: kubectl's own kustomize
/// where kubectl is installed (developers' machines), and a small renderer of the features deploy/kubernetes uses, for
/// machines without it (CI: Debian's kubernetes-client is 1.20, whose kustomize predates `labels` and `patches`).
/// RendererTests checks that both agree wherever kubectl is present.
/// </summary>
internal static class Kustomize
{
    public static string Production => Path.Combine(Repository.Root, "deploy", "kubernetes", "overlays", "production");

    /// <summary>kubectl's rendering, or null where kubectl is not installed.</summary>
    public static List<JsonNode>? WithKubectl(string directory)
    {
        var kubectl = Kubectl();
        if (kubectl is null)
        {
            return null;
        }
        var start = new ProcessStartInfo(kubectl, ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException("kubectl kustomize did not finish within 60 s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"kubectl kustomize {directory} failed: {errors.Result}");
        }
        return Yaml.Documents(output.Result);
    }

    public static string? Kubectl() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "kubectl"))
            .FirstOrDefault(File.Exists);

    /// <summary>kubectl's rendering where it is installed, else this class's own.</summary>
    public static List<JsonNode> Render(string directory) => WithKubectl(directory) ?? Own(directory);

    // What the own renderer leaves out changes no workload's image, probes, resources or security context:
    // common labels, and the generated ConfigMaps (checked by kubectl's rendering only).
    private static readonly HashSet<string> Ignored = ["apiVersion", "kind", "labels", "configMapGenerator", "generatorOptions"];
    private static readonly HashSet<string> Supported = ["resources", "namespace", "patches", "images"];

    /// <summary>The own rendering: resources (files and folders), namespace, patches (strategic merge or JSON 6902, with
    /// a target by kind and name), images. Any other field fails loudly rather than render something else.</summary>
    public static List<JsonNode> Own(string directory)
    {
        var kustomization = Yaml.File(Path.Combine(directory, "kustomization.yaml")).Single().AsObject();
        var unknown = kustomization.Select(field => field.Key).Where(key => !Ignored.Contains(key) && !Supported.Contains(key)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotSupportedException(
                $"{directory}/kustomization.yaml uses {string.Join(", ", unknown)}, which tests/Deployment.Tests/Kustomize.cs does not render: teach it.");
        }

        var documents = new List<JsonNode>();
        foreach (var resource in kustomization["resources"]?.AsArray() ?? [])
        {
            var path = Path.GetFullPath(Path.Combine(directory, resource!.ToString()));
            documents.AddRange(Directory.Exists(path) ? Own(path) : Yaml.File(path));
        }

        if (kustomization.Text("namespace") is { } ns)
        {
            foreach (var document in documents.Where(document => document.Text("kind") is not ("Namespace" or "ClusterRole" or "ClusterRoleBinding")))
            {
                document["metadata"]!["namespace"] = ns;
            }
        }

        foreach (var patch in kustomization["patches"]?.AsArray() ?? [])
        {
            var file = Path.Combine(directory, patch.Text("path") ?? throw new NotSupportedException("Only patches from a file (path) are rendered."));
            var target = patch.At("target");
            var content = Yaml.File(file);
            if (content is [JsonArray operations])
            {
                foreach (var document in documents.Where(document => Matches(document, target)))
                {
                    Json6902(document, operations);
                }
                continue;
            }
            foreach (var change in content)
            {
                var matching = documents.Where(document => Matches(document, target)
                    && (target is not null || (document.Text("kind") == change.Text("kind") && document.Text("metadata", "name") == change.Text("metadata", "name"))))
                    .ToList();
                if (matching.Count == 0)
                {
                    throw new InvalidOperationException($"{file}: the patch of {change.Text("kind")}/{change.Text("metadata", "name")} matches nothing.");
                }
                matching.ForEach(document => StrategicMerge(document.AsObject(), change.AsObject()));
            }
        }

        foreach (var image in kustomization["images"]?.AsArray() ?? [])
        {
            foreach (var container in documents.SelectMany(Containers))
            {
                var (name, tag) = Image.Split(container.Text("image")!);
                if (name == image.Text("name"))
                {
                    container["image"] = $"{image.Text("newName") ?? name}:{image.Text("newTag") ?? tag}";
                }
            }
        }
        return documents;
    }

    /// <summary>Every container and init container of a document's pod template(s).</summary>
    public static IEnumerable<JsonObject> Containers(JsonNode node)
    {
        if (node is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (key is "containers" or "initContainers" && value is JsonArray list)
                {
                    foreach (var container in list.OfType<JsonObject>())
                    {
                        yield return container;
                    }
                }
                else if (value is not null)
                {
                    foreach (var container in Containers(value))
                    {
                        yield return container;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var container in array.OfType<JsonNode>().SelectMany(Containers))
            {
                yield return container;
            }
        }
    }

    private static bool Matches(JsonNode document, JsonNode? target) =>
        target is null
        || ((target.Text("kind") is not { } kind || kind == document.Text("kind"))
            && (target.Text("name") is not { } name || name == document.Text("metadata", "name")));

    /// <summary>Maps merge key by key; lists of named items (containers, env, ports) merge by name; other lists and
    /// scalars are replaced. Enough for the overlay's patches, which use no $patch directives.</summary>
    private static void StrategicMerge(JsonObject target, JsonObject change)
    {
        foreach (var (key, value) in change.ToList())
        {
            var existing = target[key];
            if (existing is JsonObject existingMap && value is JsonObject changeMap)
            {
                StrategicMerge(existingMap, changeMap);
            }
            else if (existing is JsonArray existingList && value is JsonArray changeList && changeList.All(item => item.Text("name") is not null))
            {
                foreach (var item in changeList.OfType<JsonObject>())
                {
                    var same = existingList.OfType<JsonObject>().FirstOrDefault(old => old.Text("name") == item.Text("name"));
                    if (same is null)
                    {
                        existingList.Add(item.DeepClone());
                    }
                    else
                    {
                        StrategicMerge(same, item);
                    }
                }
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static void Json6902(JsonNode document, JsonArray operations)
    {
        foreach (var operation in operations)
        {
            var tokens = operation.Text("path")!.Split('/').Skip(1).Select(token => token.Replace("~1", "/").Replace("~0", "~")).ToArray();
            var parent = document;
            foreach (var token in tokens[..^1])
            {
                parent = parent is JsonArray list ? list[int.Parse(token)]! : parent[token]
                    ?? throw new InvalidOperationException($"JSON patch path {operation.Text("path")} is missing {token} in {document.Text("metadata", "name")}.");
            }
            var last = tokens[^1];
            var value = operation.At("value")?.DeepClone();
            switch (operation.Text("op"), parent)
            {
                case ("add", JsonArray list):
                    list.Insert(last == "-" ? list.Count : int.Parse(last), value);
                    break;
                case ("add" or "replace", JsonObject map):
                    map[last] = value;
                    break;
                case ("replace", JsonArray list):
                    list[int.Parse(last)] = value;
                    break;
                case ("remove", JsonArray list):
                    list.RemoveAt(int.Parse(last));
                    break;
                case ("remove", JsonObject map):
                    map.Remove(last);
                    break;
                default:
                    throw new NotSupportedException($"JSON patch operation {operation.Text("op")} is not rendered.");
            }
        }
    }
}

/// <summary>An image reference's name and tag (registry/repository:tag; a digest counts as the tag).</summary>
internal static class Image
{
    public static (string Name, string? Tag) Split(string image)
    {
        var at = image.IndexOf('@');
        if (at >= 0)
        {
            return (image[..at], image[(at + 1)..]);
        }
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, null);
    }
}
