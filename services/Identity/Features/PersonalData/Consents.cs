using Dapper;

namespace Cro.Identity.Features.PersonalData;

/// <summary>Records what a person accepted (or withdrew), with the text's version and the time, append-only.</summary>
public sealed class Consents(NpgsqlDataSource dataSource)
{
    /// <summary>The information clause (RODO art. 13) a person acknowledges when accepting an invitation.</summary>
    public const string InformationClauseKind = "information-clause";

    public sealed record Consent(string Kind, string Version, bool Granted, DateTimeOffset RecordedAt);

    public async Task RecordAsync(Guid userId, string kind, string version, bool granted, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO consents (user_id, kind, version, granted) VALUES (@userId, @kind, @version, @granted)",
            new { userId, kind, version, granted }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Consent>> OfAsync(Guid userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<Consent>(new CommandDefinition(
            "SELECT kind, version, granted, recorded_at FROM consents WHERE user_id = @userId ORDER BY recorded_at, id",
            new { userId }, cancellationToken: ct));
        return [.. rows];
    }
}
