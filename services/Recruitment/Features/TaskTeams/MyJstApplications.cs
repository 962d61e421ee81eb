using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Features.TaskTeams;

/// <summary>
/// GET /api/recruitment/me/applications — the applications of the signed-in person's own JST (the JST
/// claim of a coordinator or member), newest first, so the coordinator can find the accepted one and
/// look after its team. People without a JST get an empty list.
/// </summary>
public static class MyJstApplications
{
    [OpenApiSchemaName("MyJstApplication")]
    public sealed record Summary(Guid Id, Guid RoundId, string RoundName, string JstTerc, string JstName, string Status, DateTimeOffset? SubmittedAt);

    public static RouteHandlerBuilder MapMyJstApplications(this IEndpointRouteBuilder api) => api
        .MapGet("/me/applications", HandleAsync)
        .WithName("MyJstApplications")
        .WithSummary("Wnioski mojej JST / My JST's applications")
        .Produces<IReadOnlyList<Summary>>()
        .RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(HttpContext context, DataSession session)
    {
        if (!Roles.OfJst.Any(role => context.User.HasClaim(CroClaims.Role, role)) || context.User.JstTerc() is not { } terc)
        {
            return TypedResults.Ok(Array.Empty<Summary>());
        }
        var rows = await session.QueryAsync<Summary>($"""
            SELECT a.id, a.round_id, r.name AS round_name, a.jst_terc, j.name AS jst_name, a.status, a.submitted_at
            FROM applications a JOIN rounds r ON r.id = a.round_id JOIN jst j ON j.terc = a.jst_terc
            WHERE a.jst_terc = @terc AND a.status <> '{ApplicationStatus.Draft}'
            ORDER BY a.created_at DESC
            """, new { terc });
        return TypedResults.Ok(rows.ToList());
    }
}
