using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cro.Notifications.Features.Webhooks;
using Cro.Notifications.Features.Webhooks.Catalogue;
using Cro.ServiceDefaults.Security;
using Json.Schema;
using Microsoft.OpenApi;

namespace Cro.Notifications.Tests;

/// <summary>
/// The webhook catalogue as a partner depends on it: a valid OpenAPI 3.1 document whose examples fit their schemas,
/// served to anyone, and versioned additively against the snapshots committed beside it (catalogue.v{N}.json): a type
/// or a data property once published stays, with its type; an addition raises the version and gets its snapshot.
/// </summary>
public sealed partial class WebhookCatalogueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Set to 1 to write the snapshot of the current version (catalogue.v{Version}.json) from the current document.</summary>
    private const string WriteSnapshot = "CRO_WRITE_WEBHOOK_CATALOGUE";

    private static readonly string SnapshotFolder =
        Path.Combine(Repository.Root, "services", "Notifications", "Features", "Webhooks", "Catalogue");

    private static string SnapshotPath(int version) => Path.Combine(SnapshotFolder, $"catalogue.v{version}.json");

    /// <summary>Every committed snapshot, by the catalogue version it froze.</summary>
    private static IReadOnlyList<(int Version, JsonObject Document)> Snapshots() =>
        [.. Directory.GetFiles(SnapshotFolder, "catalogue.v*.json")
            .Select(path => (Version: int.Parse(SnapshotName().Match(Path.GetFileName(path)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                Document: JsonNode.Parse(File.ReadAllText(path))!.AsObject()))
            .OrderBy(s => s.Version)];

    [Fact]
    public void Every_type_and_data_property_of_a_committed_snapshot_is_still_published_with_its_type()
    {
        var current = CatalogueDocument.Build();
        var snapshots = Snapshots();
        Assert.NotEmpty(snapshots);

        var problems = snapshots.SelectMany(s => Removals(s.Document, current).Select(p => $"catalogue.v{s.Version}.json: {p}")).ToList();

        Assert.True(problems.Count == 0, "The catalogue only grows: a breaking change is a new type.\n" + string.Join("\n", problems));
    }

    [Fact]
    public void An_addition_raises_the_version_and_is_snapshotted()
    {
        var current = CatalogueDocument.Build();
        var path = SnapshotPath(WebhookCatalogue.Version);
        if (Environment.GetEnvironmentVariable(WriteSnapshot) == "1")
        {
            // Never over a snapshot the current document takes something from.
            Assert.False(File.Exists(path) && Removals(JsonNode.Parse(File.ReadAllText(path))!.AsObject(), current).Any());
            File.WriteAllText(path, CatalogueDocument.Json + "\n");
        }
        var snapshots = Snapshots();
        var latest = snapshots[^1];

        Assert.True(latest.Version == WebhookCatalogue.Version,
            $"WebhookCatalogue.Version is {WebhookCatalogue.Version}, the latest snapshot is catalogue.v{latest.Version}.json. "
            + $"After an addition raise the version and write its snapshot: {WriteSnapshot}=1 and run this test.");
        var added = Removals(current, latest.Document).ToList();
        Assert.True(added.Count == 0, $"The catalogue has more than catalogue.v{latest.Version}.json: raise WebhookCatalogue.Version, give the "
            + $"new types Since = the new version, and write its snapshot ({WriteSnapshot}=1 and run this test).\n" + string.Join("\n", added));
        foreach (var (version, document) in snapshots)
        {
            var names = Webhooks(document).Select(w => w.Key).ToHashSet();
            Assert.All(WebhookCatalogue.All, type => Assert.True(names.Contains(type.Name) == type.Since <= version,
                $"{type.Name} says Since = {type.Since}, but catalogue.v{version}.json {(names.Contains(type.Name) ? "has" : "lacks")} it."));
        }
    }

    [Fact]
    public void The_document_is_valid_OpenAPI_3_1_with_one_webhook_per_type()
    {
        var result = OpenApiDocument.Parse(CatalogueDocument.Json, "json");

        Assert.Empty(result.Diagnostic!.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic.SpecificationVersion);
        Assert.Empty(result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal(WebhookCatalogue.All.Select(t => t.Name).Order(), result.Document!.Webhooks!.Keys.Order());
        Assert.Equal($"1.{WebhookCatalogue.Version}", result.Document.Info.Version);
        Assert.All(result.Document.Webhooks!.Values, webhook =>
        {
            var post = webhook.Operations![HttpMethod.Post];
            Assert.Equal(["webhook-id", "webhook-timestamp", "webhook-signature"], post.Parameters!.Select(p => p.Name));
            Assert.All(post.Parameters!, p => Assert.Equal(ParameterLocation.Header, p.In));
            Assert.Equal(["2XX", "410", "429", "503", "default"], post.Responses!.Keys);
        });
    }

    [Fact]
    public void Every_example_is_valid_against_its_own_schema()
    {
        var document = CatalogueDocument.Build();
        var definitions = document["components"]!["schemas"]!.AsObject();

        Assert.All(Webhooks(document), webhook =>
        {
            var type = WebhookCatalogue.Find(webhook.Key)!;
            var content = webhook.Value!["post"]!["requestBody"]!["content"]!["application/json"]!;
            var schema = JsonNode.Parse(content["schema"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!.AsObject();
            schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
            schema["$defs"] = Closed(definitions.DeepClone());
            var example = content["example"]!;

            var results = JsonSchema.FromText(Closed(schema).ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() })
                .Evaluate(JsonDocument.Parse(example.ToJsonString()).RootElement,
                    new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

            Assert.True(results.IsValid, $"{webhook.Key}: {example.ToJsonString()}\n" + string.Join("\n", (results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
            var data = definitions[CatalogueDocument.SchemaName(type.Data)]!;
            Assert.All(data["required"]!.AsArray(), required => Assert.True(example["data"]!.AsObject().ContainsKey(required!.GetValue<string>())));
            Assert.Equal(type.Name, example["type"]!.GetValue<string>());
            // The example is what the sender would send: its data serialized as the payload is.
            Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(type.Example, WebhookEvents.Json), example["data"]));
        });
    }

    [Fact]
    public void Names_are_unique_lower_case_and_dotted_and_every_scope_is_a_partners()
    {
        var names = WebhookCatalogue.All.Select(t => t.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, name => Assert.Matches(EventName(), name));
        Assert.All(WebhookCatalogue.All, t => Assert.Contains(t.Scope, Scopes.Partner));
        Assert.All(WebhookCatalogue.All, t => Assert.InRange(t.Since, 1, WebhookCatalogue.Version));
        Assert.All(WebhookCatalogue.All, t => Assert.IsType(t.Data, t.Example));
        // One schema name stands for one data record.
        var data = WebhookCatalogue.All.Select(t => t.Data).Distinct().ToList();
        Assert.Equal(data.Count, data.Select(CatalogueDocument.SchemaName).Distinct().Count());
    }

    [Fact]
    public void The_partner_consumer_takes_exactly_the_catalogues_contracts()
    {
        var consumed = typeof(PartnerWebhookConsumer).GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0].FullName!).Order(StringComparer.Ordinal);

        Assert.Equal(WebhookCatalogue.All.Select(t => t.Contract.FullName!).Order(StringComparer.Ordinal), consumed);
    }

    [Fact]
    public async Task The_catalogue_and_its_event_types_are_served_to_anyone()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var anonymous = service.CreateClient();

        using var response = await anonymous.GetAsync(CatalogueDocument.Path, Ct);
        var types = await anonymous.GetFromJsonAsync<JsonArray>($"{CatalogueDocument.Path}/event-types", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.StartsWith("3.1.", document["openapi"]!.GetValue<string>());
        Assert.Equal(WebhookCatalogue.All.Select(t => t.Name).Order(), Webhooks(document.AsObject()).Select(w => w.Key).Order());
        Assert.Equal(WebhookCatalogue.All.Select(t => t.Name), types!.Select(t => t!["name"]!.GetValue<string>()));
        var accepted = types!.Single(t => t!["name"]!.GetValue<string>() == "application.accepted")!;
        Assert.Equal(("recruitment", Scopes.RecruitmentRead, 1),
            (accepted["module"]!.GetValue<string>(), accepted["scope"]!.GetValue<string>(), accepted["since"]!.GetValue<int>()));
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Webhooks(JsonObject document) => document["webhooks"]!.AsObject();

    /// <summary>
    /// What <paramref name="current"/> lacks of <paramref name="earlier"/>: a type, a payload property, or a property of a
    /// type's data (or one whose JSON type or format changed, or that was required and no longer is). Swapped, what was added.
    /// </summary>
    private static IEnumerable<string> Removals(JsonObject earlier, JsonObject current)
    {
        var currentWebhooks = current["webhooks"]!.AsObject();
        foreach (var (name, webhook) in Webhooks(earlier))
        {
            if (currentWebhooks[name] is not { } now)
            {
                yield return $"the type {name} is missing";
                continue;
            }
            foreach (var problem in SchemaRemovals(name, Payload(earlier, webhook!), Payload(current, now)))
            {
                yield return problem;
            }
            foreach (var problem in SchemaRemovals($"{name} data", Data(earlier, webhook!), Data(current, now)))
            {
                yield return problem;
            }
        }
    }

    private static JsonObject Payload(JsonObject document, JsonNode webhook) =>
        webhook["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!.AsObject();

    private static JsonObject Data(JsonObject document, JsonNode webhook) =>
        document["components"]!["schemas"]![Payload(document, webhook)["properties"]!["data"]!["$ref"]!.GetValue<string>().Split('/')[^1]]!.AsObject();

    private static IEnumerable<string> SchemaRemovals(string what, JsonObject earlier, JsonObject current)
    {
        var required = current["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var (property, schema) in earlier["properties"]?.AsObject() ?? [])
        {
            if (current["properties"]?[property] is not { } now)
            {
                yield return $"{what}: the property {property} is missing";
                continue;
            }
            foreach (var keyword in new[] { "type", "format", "const" })
            {
                if (!JsonNode.DeepEquals(schema![keyword], now[keyword]))
                {
                    yield return $"{what}: {property}'s {keyword} was {schema[keyword]?.ToJsonString() ?? "none"}, is {now[keyword]?.ToJsonString() ?? "none"}";
                }
            }
            if (earlier["required"]?.AsArray().Any(r => r!.GetValue<string>() == property) == true && !required.Contains(property))
            {
                yield return $"{what}: {property} is no longer required";
            }
        }
    }

    /// <summary>Objects that name their properties take no others: an example with a property its schema lacks is wrong.</summary>
    private static JsonNode Closed(JsonNode node)
    {
        if (node is JsonObject candidate && candidate["properties"] is JsonObject && !candidate.ContainsKey("additionalProperties"))
        {
            candidate["additionalProperties"] = false;
        }
        foreach (var child in node switch { JsonObject o => o.Select(p => p.Value), JsonArray a => a.AsEnumerable(), _ => [] })
        {
            if (child is not null)
            {
                Closed(child);
            }
        }
        return node;
    }

    [GeneratedRegex(@"^catalogue\.v([0-9]+)\.json$")]
    private static partial Regex SnapshotName();

    [GeneratedRegex(@"^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)+$")]
    private static partial Regex EventName();
}
