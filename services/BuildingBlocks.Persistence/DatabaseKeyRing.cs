using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Cro.BuildingBlocks.Persistence;

/// <summary>
/// Keeps a process's ASP.NET Core Data Protection key ring in its own database (table
/// <c>data_protection_keys</c>, created by the service's migrations), so every replica can unprotect what
/// another protected (cookies, antiforgery tokens, encrypted keys) and a restart or a rollout loses nothing.
/// </summary>
public sealed class DatabaseKeyRing(NpgsqlDataSource db) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = db.OpenConnection();
        return [.. connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = db.OpenConnection();
        connection.Execute("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml)",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}

public static class DatabaseKeyRingExtensions
{
    /// <summary>Data Protection for <paramref name="applicationName"/>, its key ring in the database registered by AddDatabase.</summary>
    public static IHostApplicationBuilder PersistDataProtectionKeysToDatabase(this IHostApplicationBuilder builder, string applicationName)
    {
        builder.Services.AddDataProtection().SetApplicationName(applicationName);
        builder.Services.AddOptions<KeyManagementOptions>().Configure<NpgsqlDataSource>((options, db) => options.XmlRepository = new DatabaseKeyRing(db));
        return builder;
    }
}
