using Microsoft.AspNetCore.Http.HttpResults;

namespace Cro.Monitoring.Features.Registry;

/// <summary>GET /api/monitoring/jst-summary — how many JST of each kind, per województwo and in total.</summary>
public static class GetJstSummary
{
    public sealed record VoivodeshipSummary(string Terc, string? Name, int Total, IReadOnlyDictionary<string, int> ByKind);

    public sealed record JstSummaryResponse(int Total, IReadOnlyDictionary<string, int> ByKind, IReadOnlyList<VoivodeshipSummary> Voivodeships);

    private sealed record Count(string VoivodeshipTerc, string? VoivodeshipName, string Kind, int Units);

    public static RouteHandlerBuilder MapGetJstSummary(this IEndpointRouteBuilder api) => api
        .MapGet("/jst-summary", HandleAsync)
        .WithName("GetJstSummary")
        .WithSummary("Liczba JST według województw i rodzajów / JST counted by województwo and kind")
        .AllowAnonymous();

    private static async Task<Ok<JstSummaryResponse>> HandleAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var counts = (await connection.QueryAsync<Count>(new CommandDefinition("""
            SELECT j.voivodeship_terc, v.name AS voivodeship_name, j.kind, count(*)::int AS units
            FROM jst j
            LEFT JOIN jst v ON v.terc = j.voivodeship_terc AND v.kind = 'voivodeship'
            GROUP BY j.voivodeship_terc, v.name, j.kind
            ORDER BY j.voivodeship_terc, j.kind
            """, cancellationToken: ct))).AsList();

        var voivodeships = counts
            .GroupBy(c => (c.VoivodeshipTerc, c.VoivodeshipName))
            .Select(g => new VoivodeshipSummary(g.Key.VoivodeshipTerc, g.Key.VoivodeshipName, g.Sum(c => c.Units),
                g.ToDictionary(c => c.Kind, c => c.Units)))
            .ToList();
        var byKind = counts.GroupBy(c => c.Kind).ToDictionary(g => g.Key, g => g.Sum(c => c.Units));
        return TypedResults.Ok(new JstSummaryResponse(counts.Sum(c => c.Units), byKind, voivodeships));
    }
}
