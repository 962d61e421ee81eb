using System.Text.Json.Nodes;

namespace Cro.Deployment.Tests;

/// <summary>
/// ManifestTests read kubectl's rendering where kubectl is installed and Kustomize.Own's where it is not (CI). This
/// keeps the two in agreement on everything those tests look at, on the machines that have kubectl.
/// </summary>
public sealed class RendererTests
{
    [Fact]
    public void The_own_renderer_agrees_with_kubectl_on_every_workload()
    {
        var kubectl = Kustomize.WithKubectl(Kustomize.Production);
        if (kubectl is null)
        {
            Assert.Skip("kubectl is not installed: the manifests were checked with the test's own kustomize renderer, "
                + "whose agreement with kubectl is checked where kubectl is (a developer's machine).");
        }

        var own = Kustomize.Own(Kustomize.Production);

        Assert.Equal(Facts(kubectl), Facts(own));
    }

    /// <summary>What ManifestTests read, per object: kind and name, and for workloads their pod spec without the names
    /// of generated ConfigMaps (kubectl adds a content hash that the own renderer does not compute).</summary>
    private static List<string> Facts(List<JsonNode> documents) =>
        documents.Select(document =>
            {
                var spec = document.At("spec", "template", "spec")?.DeepClone();
                if (spec is not null)
                {
                    foreach (var container in Kustomize.Containers(spec))
                    {
                        container.Remove("envFrom");
                        foreach (var variable in container["env"]?.AsArray() ?? [])
                        {
                            variable?.AsObject().Remove("valueFrom");
                        }
                    }
                }
                var hpa = document.Text("kind") == "HorizontalPodAutoscaler" ? $" {document.Text("spec", "minReplicas")}-{document.Text("spec", "maxReplicas")}" : "";
                return $"{document.Text("kind")}/{document.Text("metadata", "namespace")}/{document.Text("metadata", "name")}{hpa} {Canonical(spec)?.ToJsonString()}";
            })
            .Where(fact => !fact.StartsWith("ConfigMap/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Keys in ordinal order at every level (kubectl prints them sorted; the files keep the author's order).</summary>
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => KeyValuePair.Create(entry.Key, Canonical(entry.Value)))),
        JsonArray list => new JsonArray(list.Select(Canonical).ToArray()),
        _ => node?.DeepClone(),
    };
}
