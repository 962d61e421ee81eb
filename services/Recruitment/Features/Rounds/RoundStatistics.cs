using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Features.Rounds;

/// <summary>
/// GET /api/recruitment/rounds/{id}/statistics — how a round goes, in aggregate only (no JST's data
/// beyond counts): applications by status, by województwo and by kind of JST, and the share of JST at
/// risk of marginalisation. For partners with recruitment.read and for operators; a partner client limited to a set of JST
/// (its members) gets the counts of those JST only.
/// </summary>
public static class RoundStatistics
{
    public sealed record RoundStatisticsResponse(Guid RoundId, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyList<VoivodeshipCount> ByVoivodeship,
        IReadOnlyList<KindCount> ByKind, int AtRiskOfMarginalisation);

    public sealed record VoivodeshipCount(string Terc, string Name, int Submitted, int Accepted);

    public sealed record KindCount(string Kind, int Submitted, int Accepted);

    public static RouteHandlerBuilder MapRoundStatistics(this IEndpointRouteBuilder api) => api
        .MapGet("/rounds/{id:guid}/statistics", HandleAsync)
        .WithName("RoundStatistics")
        .WithSummary("Statystyki naboru / Round statistics")
        .Produces<RoundStatisticsResponse>()
        .WithResponseExample(StatusCodes.Status200OK, RoundExamples.Statistics)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.PartnerOrOperator(Scopes.RecruitmentRead));

    private sealed record Row(string Status, string Kind, string VoivodeshipTerc, string VoivodeshipName, bool AtRisk, int Count);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        // Counts over every JST: nothing of any one JST leaves this query but a number.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        if (!await RoundRows.ExistsAsync(session, id))
        {
            return RoundRows.NotFound();
        }
        var rows = (await session.QueryAsync<Row>($"""
            SELECT a.status, j.kind, j.voivodeship_terc, v.name AS voivodeship_name, j.at_risk_of_marginalisation AS at_risk, count(*)::int AS count
            FROM applications a JOIN jst j ON j.terc = a.jst_terc JOIN jst v ON v.terc = j.voivodeship_terc
            WHERE a.round_id = @id AND a.status <> '{ApplicationStatus.Draft}' AND (@limit::text[] IS NULL OR a.jst_terc = ANY (@limit))
            GROUP BY a.status, j.kind, j.voivodeship_terc, v.name, j.at_risk_of_marginalisation
            """, new { id, limit = context.User.ClientJstLimit()?.ToArray() })).ToList();
        static int Accepted(IEnumerable<Row> rows) => rows.Where(r => r.Status == ApplicationStatus.Accepted).Sum(r => r.Count);
        return TypedResults.Ok(new RoundStatisticsResponse(id,
            rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            [.. rows.GroupBy(r => (r.VoivodeshipTerc, r.VoivodeshipName)).OrderBy(g => g.Key.VoivodeshipTerc)
                .Select(g => new VoivodeshipCount(g.Key.VoivodeshipTerc, g.Key.VoivodeshipName, g.Sum(r => r.Count), Accepted(g)))],
            [.. rows.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => new KindCount(g.Key, g.Sum(r => r.Count), Accepted(g)))],
            rows.Where(r => r.AtRisk).Sum(r => r.Count)));
    }
}
