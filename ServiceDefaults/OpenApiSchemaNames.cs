using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;

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
/// schema); an uploaded file is described in place, not as a schema named IFormFile.
/// </summary>
internal sealed class OpenApiSchemaNames
{
    private readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);

    public string? ReferenceId(JsonTypeInfo type)
    {
        if (type.Type == typeof(IFormFile) || type.Type == typeof(IFormFileCollection))
        {
            return null;
        }
        var name = type.Type.GetCustomAttribute<OpenApiSchemaNameAttribute>()?.Name ?? OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (name is not null && _types.GetOrAdd(name, type.Type) is var owner && owner != type.Type)
        {
            throw new InvalidOperationException(
                $"The OpenAPI schema name '{name}' would stand for both {owner.FullName} and {type.Type.FullName}: give one of them [OpenApiSchemaName].");
        }
        return name;
    }
}
