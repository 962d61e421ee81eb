using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Cro.Deployment.Tests;

/// <summary>
/// YAML read into System.Text.Json nodes, the easier tree to walk and change. Every scalar stays the text it was
/// written as ("8080", "true", "2"): both renderings compared here go through the same reading, so they agree.
/// </summary>
internal static class Yaml
{
    /// <summary>Every document of a (multi-document) YAML text; empty documents are left out.</summary>
    public static List<JsonNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(document => ToJson(document.RootNode)).OfType<JsonNode>().ToList();
    }

    public static List<JsonNode> File(string path) => Documents(System.IO.File.ReadAllText(path));

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            KeyValuePair.Create(((YamlScalarNode)entry.Key).Value!, ToJson(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType} at {node.Start}."),
    };

    /// <summary>The text of a scalar at a path of keys, or null when any step is missing.</summary>
    public static string? Text(this JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is JsonObject map && map.TryGetPropertyValue(key, out var child) ? child : null;
        }
        return node is JsonValue value ? value.ToString() : null;
    }

    public static JsonNode? At(this JsonNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is JsonObject map && map.TryGetPropertyValue(key, out var child) ? child : null;
        }
        return node;
    }
}
