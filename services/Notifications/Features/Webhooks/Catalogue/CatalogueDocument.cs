using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cro.Notifications.Features.Webhooks.Catalogue;

/// <summary>
/// The <see cref="WebhookCatalogue"/> as an OpenAPI 3.1 document: one entry of <c>webhooks</c> per event type (the POST a
/// partner's endpoint receives: the Standard Webhooks headers, the payload with the type's data as JSON Schema and an
/// example, what each answer makes of the delivery), the data schemas in <c>components</c>, and a guide to receiving
/// them in <c>info.description</c> (<see cref="CatalogueGuide"/>). Generated from the catalogue's records with the
/// payload's own serializer options, so the schema cannot drift from what is sent; the gateway lists it in /api/docs.
/// </summary>
public static class CatalogueDocument
{
    public const string Path = "/api/notifications/webhooks/catalogue";

    /// <summary>What a partner sees of <see cref="WebhookCatalogue.Version"/>: major 1 (the catalogue never breaks), minor the catalogue's version.</summary>
    public static string VersionOf(int catalogueVersion) => $"1.{catalogueVersion}";

    /// <summary>The document's JSON as served, built once.</summary>
    public static string Json => Served.Value;

    private static readonly Lazy<string> Served = new(() => Build().ToJsonString(Indented));

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Polish descriptions stay readable in the committed snapshot.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The payload's options (<see cref="WebhookEvents.Json"/>: camelCase names) for the schemas, saying what the sender
    /// writes: numbers are always written as numbers (the web defaults would also read them from strings), every property is
    /// always written (required), and null only where the record's type allows it.
    /// </summary>
    private static readonly JsonSerializerOptions SchemaOptions = new(WebhookEvents.Json)
    {
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = WebhookEvents.Json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
    };

    private static readonly JsonSchemaExporterOptions Exporter = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = (context, schema) =>
        {
            // Every type names its JST by TERC code; say once what one looks like.
            if (context.PropertyInfo?.Name == JstTercProperty && schema is JsonObject terc)
            {
                terc["pattern"] = "^([0-9]{2}|[0-9]{4}|[0-9]{7})$";
                terc["description"] = "Kod TERC JST: 7 cyfr gminy, 4 powiatu, 2 województwa. / The JST's TERC code: 7 digits for a gmina, 4 for a powiat, 2 for a voivodeship.";
            }
            return schema;
        },
    };

    private static readonly string JstTercProperty = Property("JstTerc");

    /// <summary>When the examples happened and their place in their JST's sequence: any will do, one keeps the snapshot stable.</summary>
    private static readonly DateTimeOffset ExampleTimestamp = new(2025, 3, 4, 9, 15, 0, TimeSpan.Zero);

    private const long ExampleSequence = 42;

    public static JsonObject Build() => Build(WebhookCatalogue.All, WebhookCatalogue.Version);

    public static JsonObject Build(IReadOnlyList<WebhookEventType> types, int version)
    {
        var schemas = new JsonObject();
        foreach (var data in types.Select(t => t.Data).Distinct())
        {
            schemas[SchemaName(data)] = DataSchema(data);
        }
        var webhooks = new JsonObject();
        foreach (var type in types)
        {
            webhooks[type.Name] = new JsonObject { ["post"] = Operation(type) };
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "CRO: katalog webhooków / webhook catalogue",
                ["version"] = VersionOf(version),
                ["description"] = CatalogueGuide.Markdown,
            },
            ["tags"] = new JsonArray([.. types.GroupBy(t => t.Module).Select(Tag)]),
            ["webhooks"] = webhooks,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["parameters"] = WebhookHeaders.Parameters(),
                ["responses"] = WebhookAnswers.Responses(),
            },
        };
    }

    /// <summary>A data record's name in <c>components/schemas</c>: its C# name, unique across the catalogue's modules.</summary>
    public static string SchemaName(Type data) => data.Name;

    /// <summary>The JSON Schema of one type's data, as System.Text.Json writes the record.</summary>
    public static JsonObject DataSchema(Type data) => SchemaOptions.GetJsonSchemaAsNode(data, Exporter).AsObject();

    /// <summary>The example body of <paramref name="type"/>: its example data in the payload, serialized as the sender does.</summary>
    public static JsonNode ExamplePayload(WebhookEventType type) =>
        JsonSerializer.SerializeToNode(new WebhookEvents.Payload(type.Name, ExampleTimestamp, ExampleSequence, type.Example), WebhookEvents.Json)!;

    private static JsonObject Operation(WebhookEventType type) => new()
    {
        ["operationId"] = type.Name,
        ["summary"] = type.Name,
        ["description"] = $"""
            {type.Description}

            - Moduł / Module: `{type.Module}`
            - Zakres klienta API / The API client's scope: `{type.Scope}` (bez niego zdarzenie nie jest doręczane / without it the event is not delivered)
            - Od wersji katalogu / Since catalogue version: {VersionOf(type.Since)}
            - Zdarzenie integracyjne / Integration event: `{type.Contract.Name}`
            """,
        ["tags"] = new JsonArray(type.Module),
        ["parameters"] = WebhookHeaders.References(),
        ["requestBody"] = new JsonObject
        {
            ["required"] = true,
            ["description"] = "Treść podpisana nagłówkiem webhook-signature; weryfikuj surowe bajty przed parsowaniem. / The body webhook-signature signs; verify its raw bytes before parsing.",
            ["content"] = new JsonObject
            {
                ["application/json"] = new JsonObject
                {
                    ["schema"] = PayloadSchema(type),
                    ["example"] = ExamplePayload(type),
                },
            },
        },
        ["responses"] = WebhookAnswers.References(),
    };

    /// <summary>The payload's schema, generated from <see cref="WebhookEvents.Payload"/>: its type the event's name, its data the type's schema.</summary>
    private static JsonObject PayloadSchema(WebhookEventType type)
    {
        var schema = SchemaOptions.GetJsonSchemaAsNode(typeof(WebhookEvents.Payload), Exporter).AsObject();
        var properties = schema["properties"]!.AsObject();
        properties[Property(nameof(WebhookEvents.Payload.Type))] = new JsonObject
        {
            ["type"] = "string",
            ["const"] = type.Name,
            ["description"] = "Nazwa typu zdarzenia z katalogu. / The event type's name in the catalogue.",
        };
        properties[Property(nameof(WebhookEvents.Payload.Timestamp))]!["description"] =
            "Kiedy zdarzenie zaszło (nie kiedy wysłano próbę: to webhook-timestamp). / When the event happened (not when the attempt was sent: that is webhook-timestamp).";
        var sequence = properties[Property(nameof(WebhookEvents.Payload.Sequence))]!;
        sequence["format"] = "int64";
        sequence["minimum"] = 1;
        sequence["description"] =
            "Numer zdarzenia w ciągu jego JST (osobny ciąg dla zdarzeń całego programu), rosnący o 1; luka to zdarzenie, którego klient nie subskrybuje lub nie może czytać. / "
            + "The event's number in its JST's sequence (events of the whole programme have their own), growing by 1; a gap is an event the client does not subscribe to or may not read.";
        properties[Property(nameof(WebhookEvents.Payload.Data))] = new JsonObject
        {
            ["$ref"] = $"#/components/schemas/{SchemaName(type.Data)}",
            ["description"] = "Dane zdarzenia: identyfikatory, TERC JST, liczby; bez danych osobowych. / The event's data: ids, the JST's TERC, counts; no personal data.",
        };
        return schema;
    }

    private static string Property(string name) => SchemaOptions.PropertyNamingPolicy?.ConvertName(name) ?? name;

    private static JsonObject Tag(IGrouping<string, WebhookEventType> module) => new()
    {
        ["name"] = module.Key,
        // Scalar (like Redoc) heads the tag's section with it.
        ["x-displayName"] = ModuleNames.GetValueOrDefault(module.Key, module.Key),
        ["description"] = $"{ModuleNames.GetValueOrDefault(module.Key, module.Key)}. Zakres / Scope: "
            + string.Join(", ", module.Select(t => $"`{t.Scope}`").Distinct()),
    };

    private static readonly Dictionary<string, string> ModuleNames = new(StringComparer.Ordinal)
    {
        [WebhookModule.Recruitment] = "Nabór JST: wnioski i decyzje / Recruitment: applications and decisions",
        [WebhookModule.Training] = "Szkolenia zespołów JST / Training of the JST's teams",
        [WebhookModule.Advisory] = "Doradztwo i spotkania dialogowe / Advisory and dialogue meetings",
        [WebhookModule.Diagnosis] = "Diagnoza cyfryzacji szkół JST / The diagnosis of the JST's schools",
        [WebhookModule.Plan] = "Lokalny plan strategiczny / The local strategic plan",
        [WebhookModule.Reports] = "Sprawozdania z realizacji planu / Implementation reports",
        [WebhookModule.Practices] = "Dobre praktyki / Good practices",
        [WebhookModule.Conferences] = "Konferencje / Conferences",
    };
}
