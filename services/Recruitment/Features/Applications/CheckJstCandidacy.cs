using Cro.Recruitment.Features.Registry;
using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// GET /api/recruitment/rounds/{roundId}/candidates/{terc} — whether a JST can still apply in a round,
/// asked when the applicant chooses the JST (step 1), so a JST that already has a live application
/// (submitted, accepted or on the reserve list) learns it before filling five steps, not at "Złóż
/// wniosek". It says only that such an application exists, never who made it or what it holds.
/// </summary>
public static class CheckJstCandidacy
{
    /// <param name="JstTerc">The JST asked about.</param>
    /// <param name="CanApply">True when the JST may start an application in the round now.</param>
    /// <param name="Reason">Why it cannot (Polish or English by the request's language); null when it can.</param>
    /// <param name="HasLiveApplication">True when the JST already has a submitted, accepted or reserve application in the round.</param>
    public sealed record JstCandidacy(string JstTerc, bool CanApply, string? Reason, bool HasLiveApplication);

    private sealed record JstFacts(string Name, string Kind, string? SupersededBy);

    public static RouteHandlerBuilder MapCheckJstCandidacy(this IEndpointRouteBuilder api) => api
        .MapGet("/rounds/{roundId:guid}/candidates/{terc}", HandleAsync)
        .WithName("CheckJstCandidacy")
        .WithSummary("Czy JST może złożyć wniosek w naborze / Whether a JST can apply in a round")
        .WithDescription("Says whether the JST is eligible and has no live application (submitted, accepted, reserve) in the round; never who applied.")
        .Produces<JstCandidacy>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .AllowAnonymous();

    private static async Task<IResult> HandleAsync(Guid roundId, string terc, NpgsqlDataSource db, TimeProvider time, CancellationToken ct)
    {
        // Row-level security: the question concerns this one JST, so the scope is that JST only (none for what is no
        // TERC code: the registry has no such JST, which the answer says).
        await using var session = await DataSession.OpenAsync(db, Terc.Code().IsMatch(terc) ? JstScope.Of([terc]) : JstScope.None, ct);
        if (await session.QuerySingleOrDefaultAsync<RoundRow>(RoundRow.SelectSql + " WHERE r.id = @roundId", new { roundId }) is not { } round)
        {
            return RoundRows.NotFound();
        }
        if (await session.QuerySingleOrDefaultAsync<JstFacts>("SELECT name, kind, superseded_by FROM jst WHERE terc = @terc", new { terc }) is not { } jst)
        {
            return ProblemDetailsDefaults.NotFound($"W rejestrze nie ma JST o kodzie TERC {terc}.", $"No JST with TERC code {terc} is registered.");
        }
        var live = await ApplicationRules.HasLiveApplicationAsync(session, roundId, terc);
        var reason = jst.SupersededBy is { } city ? ApplicationRules.SupersededMessage(terc, city)
            : !round.EligibleKinds.Contains(jst.Kind) ? Text.Pick("Ten rodzaj JST nie może składać wniosku w tym naborze.", "This kind of JST cannot apply in this round.")
            : live ? ApplicationRules.AlreadyAppliedMessage
            : ApplicationRules.WindowProblemText(round.OpensAt, round.ClosesAt, time.GetUtcNow());
        await session.CommitAsync();
        return TypedResults.Ok(new JstCandidacy(terc, reason is null, reason, live));
    }
}
