using System.Text.Json;

namespace Cro.Web.Tests;

/// <summary>
/// The generated models are classes with init-only members, so they have no <c>with</c>: a copy with some members
/// changed goes through their JSON, as the service would send it.
/// </summary>
internal static class ModelCopies
{
    public static T With<T>(this T value, object changes)
    {
        var json = JsonSerializer.SerializeToNode(value, JsonSerializerOptions.Web)!.AsObject();
        foreach (var (name, changed) in JsonSerializer.SerializeToNode(changes, JsonSerializerOptions.Web)!.AsObject())
        {
            json[name] = changed?.DeepClone();
        }
        return json.Deserialize<T>(JsonSerializerOptions.Web)!;
    }
}
