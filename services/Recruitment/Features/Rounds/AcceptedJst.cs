using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Features.Rounds;

/// <summary>
/// GET /api/recruitment/rounds/{id}/accepted-jst — which JST take part in a round: the registry's data
/// of each accepted JST and when it was accepted; nothing of its application or its people. A partner client limited to a set
/// of JST (its members) sees only those of them that were accepted.
/// </summary>
public static class AcceptedJst
{
    [OpenApiSchemaName("AcceptedJst")]
    public sealed record Item(string Terc, string Name, string Kind, string VoivodeshipTerc, DateTimeOffset AcceptedAt);

    public static RouteHandlerBuilder MapAcceptedJst(this IEndpointRouteBuilder api) => api
        .MapGet("/rounds/{id:guid}/accepted-jst", HandleAsync)
        .WithName("AcceptedJst")
        .WithSummary("JST przyjęte do naboru / JST accepted in a round")
        .Produces<IReadOnlyList<Item>>()
        .WithResponseExample(StatusCodes.Status200OK, RoundExamples.Accepted)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.PartnerOrOperator(Scopes.RecruitmentRead));

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        // Which JST take part is public knowledge of the programme; only registry data leaves this query.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        if (!await RoundRows.ExistsAsync(session, id))
        {
            return RoundRows.NotFound();
        }
        var items = await session.QueryAsync<Item>($"""
            SELECT j.terc, j.name, j.kind, j.voivodeship_terc, d.decided_at AS accepted_at
            FROM applications a
            JOIN jst j ON j.terc = a.jst_terc
            JOIN LATERAL (SELECT decided_at FROM decisions WHERE application_id = a.id AND decision = '{ApplicationStatus.Accepted}'
                          ORDER BY decided_at DESC LIMIT 1) d ON true
            WHERE a.round_id = @id AND a.status = '{ApplicationStatus.Accepted}' AND (@limit::text[] IS NULL OR a.jst_terc = ANY (@limit))
            ORDER BY j.voivodeship_terc, j.name, j.terc
            """, new { id, limit = context.User.ClientJstLimit()?.ToArray() });
        return TypedResults.Ok(items.ToList());
    }
}
