using Microsoft.EntityFrameworkCore;

namespace Cro.Identity.Data;

/// <summary>
/// The CREATE script of the EF model (Identity + OpenIddict stores). Migrations are SQL applied by DbUp;
/// when a library upgrade changes its schema, compare this output with the scripts and add the difference
/// as the next script: <c>dotnet run --project services/Identity -- --print-schema</c>.
/// </summary>
public static class SchemaScript
{
    public static string Generate()
    {
        var options = new DbContextOptionsBuilder<IdentityDb>().UseNpgsql("Host=unused");
        options.UseOpenIddict<Guid>();
        using var db = new IdentityDb(options.Options);
        return db.Database.GenerateCreateScript();
    }
}
