using System.Text.Json;
using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// POST /api/recruitment/applications/{id}/submit — the applicant submits the draft: within the round's
/// window, with a whole team (the round's size, one coordinator), facts for scoring and the declarations.
/// The score is computed with the round's current rules (their version is kept), the team's e-mail
/// addresses become taken in the round, and ApplicationSubmitted leaves through the outbox.
/// </summary>
public static class SubmitApplication
{
    public static RouteHandlerBuilder MapSubmitApplication(this IEndpointRouteBuilder api) => api
        .MapPost("/applications/{id:guid}/submit", HandleAsync)
        .WithName("SubmitApplication")
        .WithSummary("Złóż wniosek / Submit the application")
        .Produces<ApplicationView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithApplicationKey()
        .AllowAnonymous();

    private sealed record CurrentRules(int Version, string Rules);

    private static Task<IResult> HandleAsync(Guid id, HttpContext context, NpgsqlDataSource db, TimeProvider time) =>
        ApplicationAccess.WithAsync(context, db, id, async access =>
        {
            var application = access.Application;
            var session = access.Session;
            var now = time.GetUtcNow();
            if ((UpdateDraft.DraftRefusal(access) ?? ApplicationRules.WindowProblem(application.OpensAt, application.ClosesAt, now)) is { } refused)
            {
                return refused;
            }
            if (ApplicationRules.Incomplete(application) is { Count: > 0 } missing)
            {
                return ProblemDetailsDefaults.ValidationProblem(missing);
            }
            var current = await session.QuerySingleAsync<CurrentRules>(
                "SELECT version, rules::text AS rules FROM scoring_rules WHERE round_id = @RoundId ORDER BY version DESC LIMIT 1",
                new { application.RoundId });
            var score = JsonSerializer.Deserialize<ScoringRules>(current.Rules, JsonSerializerOptions.Web)!.Score(new ApplicantFacts(
                application.AtRiskOfMarginalisation, application.JstKind, application.SchoolsRun!.Value, application.TookPartBefore!.Value));
            try
            {
                await session.ExecuteAsync($"""
                    UPDATE applications SET status = '{ApplicationStatus.Submitted}', submitted_at = @now, updated_at = @now,
                        score = @total, score_breakdown = @breakdown::jsonb, scoring_version = @version
                    WHERE id = @id;
                    UPDATE team_members SET live = true WHERE application_id = @id AND left_at IS NULL;
                    """, new { id, now, total = score.Total, breakdown = JsonSerializer.Serialize(score, JsonSerializerOptions.Web), version = current.Version });
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return Conflict(e.ConstraintName);
            }
            await session.EnqueueAsync(new ApplicationSubmitted
            {
                ApplicationId = id,
                RoundId = application.RoundId,
                RoundName = application.RoundName,
                JstTerc = application.JstTerc,
                JstName = application.JstName,
                JstKind = application.JstKind,
                VoivodeshipTerc = application.VoivodeshipTerc,
                AtRiskOfMarginalisation = application.AtRiskOfMarginalisation,
                Score = score.Total,
                ScoringVersion = current.Version,
                SubmittedAt = now,
                Team = Decisions.DecisionLog.Team(application),
            });
            var view = await access.ViewAsync();
            await session.CommitAsync();
            return TypedResults.Ok(view);
        });

    private static IResult Conflict(string? constraint) => Results.Problem(statusCode: StatusCodes.Status409Conflict,
        title: Text.Pick("Wniosek nie może zostać złożony.", "The application cannot be submitted."),
        detail: constraint == "applications_one_live_per_jst"
            ? ApplicationRules.AlreadyAppliedMessage
            : Text.Pick("Ktoś z zespołu jest już w zespole innego wniosku w tym naborze (ten sam adres e-mail).",
                "Someone in the team is already in another application's team in this round (the same e-mail address)."));
}
