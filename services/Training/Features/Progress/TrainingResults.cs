using Cro.Training.Features.Access;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Progress;

/// <summary>
/// Results. GET /api/training/me/results — the caller's own standing in each module of their cohort
/// (attendance, pre-test, best post-test, validated, raised, complete) and their certificate;
/// GET /api/training/cohorts/{id}/results — every participant of a cohort, for its trainers and operators
/// (anyone else 404).
/// </summary>
public static class TrainingResults
{
    public sealed record CohortResults(CohortRules Rules, IReadOnlyList<ParticipantStanding> Participants);

    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/results", MineAsync)
            .WithName("MyResults").WithSummary("Moje wyniki / My results")
            .Produces<IReadOnlyList<CohortResults>>().RequireAuthorization(Policies.Person);
        api.MapGet("/cohorts/{id:guid}/results", CohortAsync)
            .WithName("CohortResults").WithSummary("Wyniki grupy / A cohort's results")
            .Produces<CohortResults>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.TrainerOrOperator);
        return api;
    }

    private static async Task<IResult> MineAsync(HttpContext context, [RepeatableRead] DataSession session)
    {
        var mine = await ParticipantRow.MineAsync(session, Caller.From(context.User));
        var places = await session.QueryAsync<(Guid ParticipantId, Guid CohortId)>("""
            SELECT p.id, t.cohort_id FROM participants p JOIN teams t ON t.application_id = p.application_id
            WHERE p.id = ANY (@ids) AND t.cohort_id IS NOT NULL
            """, new { ids = mine.Select(p => p.Id).ToArray() });
        var results = new List<CohortResults>();
        foreach (var (participantId, cohortId) in places)
        {
            var rules = (await Standings.RulesAsync(session, cohortId))!;
            results.Add(new CohortResults(rules, await Standings.ReadAsync(session, rules, participantId)));
        }
        return TypedResults.Ok(results);
    }

    private static async Task<IResult> CohortAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session) =>
        await OpenCohortAsync(session, context, id) is { } rules
            ? TypedResults.Ok(new CohortResults(rules, await Standings.ReadAsync(session, rules, null)))
            : CohortAccess.NotFound();

    /// <summary>The cohort's rules when the caller is its trainer or an operator (under their scope); null otherwise.</summary>
    internal static async Task<CohortRules?> OpenCohortAsync(DataSession session, HttpContext context, Guid cohortId) =>
        await CohortAccess.RunsAsync(session, Caller.From(context.User), cohortId) ? await Standings.RulesAsync(session, cohortId) : null;
}
