using System.Security.Cryptography;

namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// POST /api/monitoring/plans/{id}/consultation/close — the team closes its plan's consultation, before its last day too:
/// comments are no longer taken, every link stops working (410), and the version moves from consultation to revised, to be
/// changed after what the community said and adopted. At the end of the last day <see cref="ConsultationTermEnd"/> closes
/// it the same way (closed_how 'term'); the team closing it after that records the term's end. 409 when it is closed
/// already. Closing also re-hashes the comments' address keys with a salt no one keeps (<see cref="CloseAsync"/>).
/// </summary>
public static class CloseConsultation
{
    public const string ByTeam = "team";
    public const string ByTerm = "term";

    public static RouteHandlerBuilder MapCloseConsultation(this IEndpointRouteBuilder api) => api
        .MapPost("/plans/{id:guid}/consultation/close", HandleAsync)
        .WithName("ClosePlanConsultation").WithSummary("Zakończ konsultacje planu / Close the plan's consultation")
        .Produces<ConsultationView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await ConsultationRow.ForTeamAsync(session, context.User, id) is not { } consultation)
        {
            return ConsultationRow.NotFound();
        }
        if (consultation.ClosedAt is not null)
        {
            return consultation.ClosedConflict(now);
        }
        await CloseAsync(session, consultation, now >= consultation.TermEndsAt ? ByTerm : ByTeam, context.User.PersonId(), now);
        var closed = (await ConsultationRow.LatestAsync(session, id))!;
        var view = await ConsultationView.BuildAsync(session, closed, now);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    /// <summary>
    /// Closes <paramref name="consultation"/> (locked by the caller): by the team now, or by its term at the end of its last
    /// day. Its comments' address keys are hashed again with a random salt that is then forgotten: comments from one
    /// address stay one participant's in the counts, but the address can no longer be tried against the key.
    /// </summary>
    public static async Task CloseAsync(DataSession session, ConsultationRow consultation, string how, Guid? by, DateTimeOffset now) =>
        await session.ExecuteAsync($"""
            UPDATE plan_consultations SET closed_at = @closedAt, closed_by = @by, closed_how = @how WHERE id = @Id;
            UPDATE plan_versions SET status = '{PlanStatus.Revised}', updated_by = @by, updated_at = @now
            WHERE id = @VersionId AND status = '{PlanStatus.Consultation}';
            UPDATE consultation_comments SET client_key = sha256(@salt || client_key) WHERE consultation_id = @Id AND client_key IS NOT NULL;
            """, new
        {
            consultation.Id, consultation.VersionId, how, by, now = now.ToUniversalTime(), salt = RandomNumberGenerator.GetBytes(32),
            closedAt = (how == ByTerm ? consultation.TermEndsAt : now).ToUniversalTime(),
        });
}
