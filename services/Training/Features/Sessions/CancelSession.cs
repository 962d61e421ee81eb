using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Training.Features.Access;
using FluentValidation;

namespace Cro.Training.Features.Sessions;

/// <summary>
/// POST /api/training/sessions/{id}/cancel — an operator cancels a session that has not taken place. It stays
/// in the cohort's list marked cancelled, its sequence goes up, and <see cref="SessionCancelled"/> goes out through
/// the outbox in the same transaction, so participants and trainers are mailed once and calendar feeds carry the
/// event as cancelled. From then on it takes no attendance, counts for no hours and neither opens nor closes a test.
/// Cancelling a cancelled session answers it as it is and tells no one again (a retried click mails nobody twice).
/// Refused with 409 once attendance is recorded or the session has ended: it took place.
/// </summary>
public static class CancelSession
{
    public sealed record CancelSessionRequest(string Reason);

    public sealed class Validator : AbstractValidator<CancelSessionRequest>
    {
        public Validator() => RuleFor(r => r.Reason).RequiredText(1000)
            .WithMessage(_ => Text.Pick("Podaj powód odwołania zajęć (do 1000 znaków); przeczytają go uczestnicy i trenerzy.",
                "Give the reason for cancelling (up to 1000 characters); participants and trainers will read it."));
    }

    public static RouteHandlerBuilder MapCancelSession(this IEndpointRouteBuilder api) => api
        .MapPost("/sessions/{id:guid}/cancel", HandleAsync)
        .WithName("CancelSession")
        .WithSummary("Odwołaj zajęcia / Cancel a session")
        .Validate<CancelSessionRequest>()
        .Produces<SessionView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(Guid id, CancelSessionRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        // Locked: a cancellation, a move and attendance of one session happen one after the other.
        if (await SessionModules.FindAsync(session, id, forUpdate: true) is not { } found)
        {
            return SessionModules.NotFound();
        }
        if (found.IsCancelled)
        {
            return TypedResults.Ok(found.ToView());
        }
        if (now > found.EndsAt || await SessionModules.HasAttendanceAsync(session, id))
        {
            return Problems.Conflict("Zajęcia się odbyły.", "The session took place.",
                "Zajęcia się skończyły albo zapisano na nich obecność, więc nie można ich odwołać.",
                "The session has ended or its attendance is recorded, so it cannot be cancelled.");
        }
        var reason = request.Reason.Trim();
        await session.ExecuteAsync("""
            UPDATE sessions SET cancelled_at = @now, cancelled_by = @by, cancellation_reason = @reason, sequence = sequence + 1, updated_at = @now
            WHERE id = @id
            """, new { id, now = now.ToUniversalTime(), by = context.User.PersonId(), reason });
        var cancelled = (await SessionModules.FindAsync(session, id))!;
        await session.EnqueueAsync(new SessionCancelled
        {
            SessionId = cancelled.Id, CohortId = cancelled.CohortId, CohortName = cancelled.CohortName, ModuleCode = cancelled.ModuleCode,
            ModuleTitle = cancelled.ModuleTitle, StartsAt = cancelled.StartsAt, EndsAt = cancelled.EndsAt, Form = cancelled.Form, Place = cancelled.Place,
            Reason = reason, CalendarUid = cancelled.CalendarUid, Sequence = cancelled.Sequence, Attendees = await SessionNotice.AttendeesAsync(session, cancelled.CohortId),
            CancelledAt = now,
        });
        await session.CommitAsync();
        return TypedResults.Ok(cancelled.ToView());
    }
}
