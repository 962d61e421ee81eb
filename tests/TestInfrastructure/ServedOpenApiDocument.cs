using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// A service's OpenAPI document as it serves it, checked as a partner would read it: every schema named once and
/// for what it holds, every operation saying who may call it (with 401 and 403 where someone may not), numbers as
/// numbers, the same as the document committed in the repository, and the service's real answers as documented.
/// </summary>
public sealed partial class ServedOpenApiDocument
{
    /// <summary>Names that say nothing of what a schema holds, alone or with a verb of no particular use case before them.</summary>
    private static readonly HashSet<string> GenericNames =
    [
        "Request", "Response", "Row", "Item", "Items", "Entry", "Result", "Results", "Page", "Summary", "Report", "View", "Input",
        "Output", "Data", "Dto", "Model", "Body", "Payload", "Problem", "Info", "Details", "Record", "Value", "Values", "Query",
        "Command", "Started", "Saved", "Issued", "Created", "Updated", "Proposed", "Plan", "Apply", "Sheet", "List", "Settings",
        "Options", "Mail", "Verification", "Correction", "Object", "JsonObject", "JsonNode", "JsonElement", "IFormFile",
    ];

    private static readonly string[] GenericVerbs = ["Create", "Update", "Change", "Delete", "Add", "Get", "List", "Set", "Save", "Edit", "Access", "Teams", "Link"];

    private static readonly HashSet<string> Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    /// <summary>Formats a validator knows; the rest (int32, double, binary …) only annotate.</summary>
    private static readonly HashSet<string> CheckedFormats = ["date-time", "date", "uuid", "uri", "email"];

    private ServedOpenApiDocument(string service, JsonObject root) => (Service, Root) = (service, root);

    public string Service { get; }

    public JsonObject Root { get; }

    /// <summary>Where the repository keeps the service's document, as the build writes it.</summary>
    public string CommittedPath => Path.Combine(Repository.Root, "services", ServiceFolder, "openapi", $"{Service}.json");

    private string ServiceFolder => char.ToUpperInvariant(Service[0]) + Service[1..];

    public static async Task<ServedOpenApiDocument> FetchAsync(HttpClient anonymous, string service, CancellationToken ct)
    {
        var text = await anonymous.GetStringAsync($"/api/{service}/openapi/v1.json", ct);
        return new ServedOpenApiDocument(service, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>The schema names, the access of every operation, and numbers: what a partner's generated client depends on.</summary>
    public void AssertWellFormed()
    {
        List<string> problems = [.. SchemaNameProblems(), .. AccessProblems(), .. NumberProblems(), .. ContentProblems()];
        Assert.True(problems.Count == 0, $"The {Service} OpenAPI document:\n" + string.Join("\n", problems));
    }

    /// <summary>The served document is the one in the repository (<see cref="CommittedPath"/>), compared as JSON.</summary>
    public void AssertIsCommitted()
    {
        var refresh = $"Refresh it with: dotnet build services/{ServiceFolder} -p:OpenApiGenerateDocumentsOnBuild=true (then commit services/{ServiceFolder}/openapi/{Service}.json).";
        Assert.True(File.Exists(CommittedPath), $"No committed document at {CommittedPath}. {refresh}");
        var committed = JsonNode.Parse(File.ReadAllText(CommittedPath));
        var difference = FirstDifference(Root, committed, "");
        Assert.True(difference is null, $"services/{ServiceFolder}/openapi/{Service}.json differs from the document the service serves, first at {difference}. {refresh}");
    }

    /// <summary>Every operation: its method (lower case), its path template, and whether anyone may call it (security: []).</summary>
    public IReadOnlyList<(string Method, string Path, bool Anonymous)> Endpoints() =>
        [.. Operations().Select(o => (o.Method, o.Path, o.Operation["security"] is JsonArray { Count: 0 }))];

    /// <summary>GET operations a caller can send as they are: no path parameter, no required query parameter.</summary>
    public IReadOnlyList<string> PathsWithoutParameters() =>
        [.. Operations().Where(o => o.Method == "get" && !o.Path.Contains('{') && !Parameters(o.Operation).Any(p => p["required"]?.GetValue<bool>() == true))
            .Select(o => o.Path)];

    /// <summary>
    /// Each GET operation with path parameters, with values that name nothing (a new UUID, "nieznany", 999999): what
    /// it answers then (mostly 404) must be documented as well.
    /// </summary>
    public IReadOnlyList<string> PathsForNothing() =>
        [.. Operations().Where(o => o.Method == "get" && o.Path.Contains('{')).Select(o => PathParameter().Replace(o.Path, match =>
        {
            var format = Parameters(o.Operation).FirstOrDefault(p => p["name"]?.GetValue<string>() == match.Groups[1].Value)?["schema"];
            return (format?["format"]?.GetValue<string>(), format?["type"]?.ToJsonString()) switch
            {
                ("uuid", _) => Guid.NewGuid().ToString(),
                (_, { } type) when type.Contains("integer") => "999999",
                _ => "nieznany",
            };
        }))];

    /// <summary>
    /// Sends GET <paramref name="paths"/> as <paramref name="caller"/> and checks each answer against the document: its
    /// status is documented, its content type is documented for that status, and a JSON body is valid against the
    /// documented schema (no property the schema does not name, formats checked).
    /// </summary>
    /// <returns>The statuses, by path.</returns>
    public async Task<IReadOnlyDictionary<string, int>> AssertAnswersAsync(HttpClient caller, IEnumerable<string> paths, CancellationToken ct)
    {
        var statuses = new Dictionary<string, int>();
        var problems = new List<string>();
        foreach (var path in paths.Distinct())
        {
            using var response = await caller.GetAsync(path, ct);
            var status = (int)response.StatusCode;
            statuses[path] = status;
            var body = await response.Content.ReadAsStringAsync(ct);
            problems.AddRange(AnswerProblems(path, status, response.Content.Headers.ContentType, body).Select(p => $"GET {path} → {status}: {p}"));
        }
        Assert.True(problems.Count == 0, $"Answers of {Service} that its OpenAPI document does not describe:\n" + string.Join("\n", problems));
        return statuses;
    }

    private IEnumerable<string> SchemaNameProblems()
    {
        foreach (var name in Schemas().Select(s => s.Key))
        {
            if (char.IsAsciiDigit(name[^1]))
            {
                yield return $"schema {name}: ends in a digit, as the framework names a second type of the same name";
            }
            if (GenericNames.Contains(name) || GenericVerbs.Any(verb => name == verb + "Request" || name == verb + "Response"))
            {
                yield return $"schema {name}: a generic name; give the type [OpenApiSchemaName] saying what it holds";
            }
        }
    }

    private IEnumerable<string> AccessProblems()
    {
        foreach (var (method, path, operation) in Operations())
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            if (operation["security"] is not JsonArray security)
            {
                yield return $"{where}: no security (neither a requirement nor an explicit anonymous [])";
                continue;
            }
            if (security.Count == 0 || security.Any(r => r is JsonObject { Count: 0 }))
            {
                continue; // anonymous, or a token optional
            }
            foreach (var status in new[] { "401", "403" })
            {
                if (operation["responses"]?[status]?["content"]?["application/problem+json"] is null)
                {
                    yield return $"{where}: needs a token but does not document {status} as application/problem+json";
                }
            }
        }
    }

    private IEnumerable<string> NumberProblems()
    {
        foreach (var (node, pointer) in Descendants(Root, ""))
        {
            if (node is JsonObject schema && schema["type"] is JsonArray types)
            {
                var names = types.Select(t => t?.GetValue<string>()).ToList();
                if (names.Contains("string") && (names.Contains("integer") || names.Contains("number")))
                {
                    yield return $"{pointer}: a number that may also be a string ({schema["type"]!.ToJsonString()})";
                }
            }
        }
    }

    /// <summary>A JSON answer documented without saying what it holds.</summary>
    private IEnumerable<string> ContentProblems()
    {
        foreach (var (method, path, operation) in Operations())
        {
            foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
            {
                foreach (var (mediaType, content) in response?["content"]?.AsObject() ?? [])
                {
                    if (mediaType.Contains("json", StringComparison.Ordinal) && content?["schema"] is null)
                    {
                        yield return $"{method.ToUpperInvariant()} {path} {status} {mediaType}: no schema";
                    }
                }
            }
        }
    }

    private IEnumerable<string> AnswerProblems(string requestPath, int status, MediaTypeHeaderValue? contentType, string body)
    {
        var operation = OperationFor("get", requestPath);
        if (operation is null)
        {
            yield return "no such operation in the document";
            yield break;
        }
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = operation["responses"]?[key] ?? operation["responses"]?["default"];
        if (response is null)
        {
            yield return $"status {status} is not documented ({string.Join(", ", operation["responses"]!.AsObject().Select(r => r.Key))}); body: {Shorten(body)}";
            yield break;
        }
        if (body.Length == 0)
        {
            yield break;
        }
        var mediaType = contentType?.MediaType ?? "";
        var content = response["content"]?[mediaType];
        if (content is null)
        {
            yield return $"content {mediaType} is not documented for {status} ({string.Join(", ", response["content"]?.AsObject().Select(c => c.Key) ?? [])})";
            yield break;
        }
        if (!mediaType.Contains("json", StringComparison.Ordinal) || content["schema"] is not { } schema)
        {
            yield break;
        }
        var results = Validator(schema).Evaluate(JsonDocument.Parse(body).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!results.IsValid)
        {
            foreach (var detail in (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
            {
                foreach (var (keyword, error) in detail.Errors!)
                {
                    yield return $"at {detail.InstanceLocation} ({keyword} of {detail.SchemaLocation}): {error}";
                }
            }
            yield return $"body: {Shorten(body)}";
        }
    }

    /// <summary>
    /// The documented schema as a JSON Schema of its own: the document's components as its $defs, and every object
    /// that names its properties closed to others (ProblemDetails excepted: it carries extensions by design).
    /// </summary>
    private JsonSchema Validator(JsonNode schema)
    {
        const string components = "#/components/schemas/";
        var root = JsonNode.Parse(schema.ToJsonString().Replace(components, "#/$defs/", StringComparison.Ordinal))!.AsObject();
        var definitions = JsonNode.Parse((Root["components"]?["schemas"] ?? new JsonObject()).ToJsonString().Replace(components, "#/$defs/", StringComparison.Ordinal))!.AsObject();
        foreach (var (name, definition) in definitions)
        {
            if (!name.EndsWith("ProblemDetails", StringComparison.Ordinal))
            {
                Close(definition);
            }
        }
        Close(root);
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = definitions;
        return JsonSchema.FromText(root.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

        static void Close(JsonNode? node)
        {
            foreach (var (descendant, _) in Descendants(node, ""))
            {
                if (descendant is JsonObject candidate)
                {
                    if (candidate["properties"] is JsonObject && !candidate.ContainsKey("additionalProperties"))
                    {
                        candidate["additionalProperties"] = false;
                    }
                    if (candidate["format"] is JsonValue format && !CheckedFormats.Contains(format.GetValue<string>()))
                    {
                        candidate.Remove("format");
                    }
                }
            }
        }
    }

    private JsonObject? OperationFor(string method, string requestPath)
    {
        var path = requestPath.Split('?')[0];
        var candidates = Operations().Where(o => o.Method == method && Template(o.Path).IsMatch(path))
            .OrderBy(o => o.Path.Count(c => c == '{')).ToList();
        return candidates.FirstOrDefault().Operation;
    }

    private static Regex Template(string path) =>
        new("^" + string.Concat(PathParameter().Split(path).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : "[^/]+")) + "$");

    private IEnumerable<(string Method, string Path, JsonObject Operation)> Operations() =>
        from path in Root["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where Methods.Contains(operation.Key)
        select (operation.Key, path.Key, operation.Value!.AsObject());

    private static IEnumerable<JsonNode> Parameters(JsonObject operation) => operation["parameters"]?.AsArray().OfType<JsonNode>() ?? [];

    private IEnumerable<KeyValuePair<string, JsonNode?>> Schemas() => Root["components"]?["schemas"]?.AsObject() ?? [];

    private static IEnumerable<(JsonNode Node, string Pointer)> Descendants(JsonNode? node, string pointer)
    {
        if (node is null)
        {
            yield break;
        }
        yield return (node, pointer);
        IEnumerable<(string, JsonNode?)> children = node switch
        {
            JsonObject o => o.Select(p => (p.Key, p.Value)),
            JsonArray a => a.Select((v, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), v)),
            _ => [],
        };
        foreach (var (name, child) in children.ToList())
        {
            foreach (var descendant in Descendants(child, $"{pointer}/{name.Replace("~", "~0").Replace("/", "~1")}"))
            {
                yield return descendant;
            }
        }
    }

    /// <summary>Where two JSON values first differ (a JSON pointer), or null when they are equal; property order does not count.</summary>
    private static string? FirstDifference(JsonNode? served, JsonNode? committed, string pointer)
    {
        switch (served, committed)
        {
            case (JsonObject a, JsonObject b):
                foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    if (!a.ContainsKey(name) || !b.ContainsKey(name))
                    {
                        return $"{pointer}/{name} ({(a.ContainsKey(name) ? "only served" : "only committed")})";
                    }
                    if (FirstDifference(a[name], b[name], $"{pointer}/{name}") is { } inside)
                    {
                        return inside;
                    }
                }
                return null;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    if (i >= a.Count || i >= b.Count)
                    {
                        return $"{pointer}/{i} (lengths {a.Count} served, {b.Count} committed)";
                    }
                    if (FirstDifference(a[i], b[i], $"{pointer}/{i}") is { } inside)
                    {
                        return inside;
                    }
                }
                return null;
            default:
                return JsonNode.DeepEquals(served, committed) ? null : $"{pointer} (served {served?.ToJsonString()}, committed {committed?.ToJsonString()})";
        }
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    [GeneratedRegex(@"\{([^}:]+)[^}]*\}")]
    private static partial Regex PathParameter();
}
