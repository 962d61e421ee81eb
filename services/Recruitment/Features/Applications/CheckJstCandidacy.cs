using Cro.BuildingBlocks.Persistence;
using Cro.Recruitment.Features.Rounds;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Dapper;
using Npgsql;

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

    private sealed record JstFacts(string Name, string Kind);

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
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var round = await connection.QuerySingleOrDefaultAsync<RoundRow>(new CommandDefinition(
            RoundRow.SelectSql + " WHERE r.id = @roundId", new { roundId }, transaction, cancellationToken: ct));
        if (round is null)
        {
            return RoundRows.NotFound();
        }
        var jst = await connection.QuerySingleOrDefaultAsync<JstFacts>(new CommandDefinition(
            "SELECT name, kind FROM jst WHERE terc = @terc", new { terc }, transaction, cancellationToken: ct));
        if (jst is null)
        {
            return ProblemDetailsDefaults.NotFound($"W rejestrze nie ma JST o kodzie TERC {terc}.", $"No JST with TERC code {terc} is registered.");
        }
        // Row-level security: the question concerns this one JST, so the scope is that JST only.
        await transaction.SetJstScopeAsync(JstScope.Of([terc]), ct);
        var live = await ApplicationRules.HasLiveApplicationAsync(transaction, roundId, terc, ct);
        var reason = !round.EligibleKinds.Contains(jst.Kind)
            ? Text.Pick("Ten rodzaj JST nie może składać wniosku w tym naborze.", "This kind of JST cannot apply in this round.")
            : live ? ApplicationRules.AlreadyAppliedMessage
            : ApplicationRules.WindowProblemText(round.OpensAt, round.ClosesAt, time.GetUtcNow());
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new JstCandidacy(terc, reason is null, reason, live));
    }
}
