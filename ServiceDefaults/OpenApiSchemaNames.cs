using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cro.ServiceDefaults;

/// <summary>
/// The name a type's schema has in the OpenAPI document, where its C# name only makes sense inside its feature
/// (<c>ListApplications.Page</c> is the schema <c>ApplicationListPage</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum, Inherited = false)]
public sealed class OpenApiSchemaNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Schema names of one document: a type's <see cref="OpenApiSchemaNameAttribute"/> or the framework's name.
/// Two types under one name fail the document (the framework would otherwise describe both with the first one's
/// schema).
/// </summary>
internal sealed class OpenApiSchemaNames
{
    /// <summary>Framework types described where they are used: their names say nothing of what a CRO API holds in them.</summary>
    private static readonly HashSet<Type> InPlace = [typeof(JsonNode), typeof(JsonObject), typeof(JsonArray)];

    /// <summary>Where the framework keeps a schema's reference id until it moves the schema into the components.</summary>
    private const string SchemaId = "x-schema-id";

    private readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);

    /// <summary>Takes the framework's own name off the types it names itself (<see cref="InPlace"/>), so they are described in place.</summary>
    public static Task DescribeInPlace(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (InPlace.Contains(context.JsonTypeInfo.Type))
        {
            schema.Metadata?.Remove(SchemaId);
        }
        return Task.CompletedTask;
    }

    public string? ReferenceId(JsonTypeInfo type)
    {
        var name = type.Type.GetCustomAttribute<OpenApiSchemaNameAttribute>()?.Name ?? OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (name is not null && _types.GetOrAdd(name, type.Type) is var owner && owner != type.Type)
        {
            throw new InvalidOperationException(
                $"The OpenAPI schema name '{name}' would stand for both {owner.FullName} and {type.Type.FullName}: give one of them [OpenApiSchemaName].");
        }
        return name;
    }
}
