using Cro.Training.Features.Access;
using Cro.Training.Features.Sessions;
using Cro.Training.Features.Teams;
using FluentValidation;

namespace Cro.Training.Features.Attendance;

/// <summary>
/// POST /api/training/check-in — a participant confirms their presence with the code the trainer shows.
/// The code opens a session of the participant's own cohort, and only while it runs (from a quarter of an
/// hour before the start to its end): earlier or later it is refused (409) and nothing is recorded. A code
/// that opens no session of theirs is 422; a cancelled session takes no check-in (409).
/// </summary>
public static class CheckIn
{
    public sealed record CheckInRequest(string Code);

    public sealed record CheckInResponse(Guid SessionId, string ModuleCode, string ModuleTitle, string Status);

    private sealed record Match(Guid SessionId, Guid ApplicationId);

    public sealed class Validator : AbstractValidator<CheckInRequest>
    {
        public Validator() => RuleFor(r => r.Code).NotEmpty().MaximumLength(20)
            .WithMessage(_ => Text.Pick("Wpisz kod podany przez trenera.", "Enter the code the trainer gave."));
    }

    public static RouteHandlerBuilder MapCheckIn(this IEndpointRouteBuilder api) => api
        .MapPost("/check-in", HandleAsync)
        .WithName("CheckIn")
        .WithSummary("Potwierdź obecność kodem / Check in with the session's code")
        .Validate<CheckInRequest>()
        .Produces<CheckInResponse>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(CheckInRequest request, HttpContext context, DataSession db, IPresenceObserver observer,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        var caller = Caller.From(context.User);
        var mine = await ParticipantRow.MineAsync(db, caller);
        if (mine.Count == 0)
        {
            return Problems.Forbidden("Obecność kodem potwierdzają uczestnicy szkolenia.", "Participants of the training check in with a code.");
        }
        var code = request.Code.Trim().ToUpperInvariant();
        var match = await db.QuerySingleOrDefaultAsync<Match>("""
            SELECT s.id AS session_id, t.application_id FROM sessions s JOIN teams t ON t.cohort_id = s.cohort_id
            WHERE s.check_in_code = @code AND t.application_id = ANY (@teams)
            ORDER BY s.starts_at DESC LIMIT 1
            """, new { code, teams = mine.Select(p => p.ApplicationId).ToArray() });
        var session = match is null ? null : await SessionModules.FindAsync(db, match.SessionId, forUpdate: true);
        if (session is null)
        {
            return Problems.Unprocessable("Ten kod nie pasuje do zajęć Twojej grupy. Sprawdź go z trenerem.",
                "This code matches no session of your cohort. Check it with the trainer.");
        }
        if (session.IsCancelled)
        {
            return SessionModules.Cancelled(session);
        }
        if (!session.IsOpen(now))
        {
            return Problems.Conflict("Kod nie działa poza zajęciami.", "The code works only during the session.",
                $"Kod działa od {WarsawTime.InWarsaw(session.OpensAt):yyyy-MM-dd HH:mm} do {WarsawTime.InWarsaw(session.EndsAt):HH:mm} (czas warszawski).",
                $"The code works from {WarsawTime.InWarsaw(session.OpensAt):yyyy-MM-dd HH:mm} to {WarsawTime.InWarsaw(session.EndsAt):HH:mm} (Warsaw time).");
        }
        var participant = mine.First(p => p.ApplicationId == match!.ApplicationId);
        await AttendanceLog.RecordAsync(db, session, [new AttendanceLog.Mark(participant, AttendanceStatus.Present)],
            new AttendanceLog.Author(caller.UserId, caller.Name ?? caller.Email, AttendanceStatus.ByCheckIn), reason: null, now, observer);
        await db.CommitAsync();
        return TypedResults.Ok(new CheckInResponse(session.Id, session.ModuleCode, session.ModuleTitle, AttendanceStatus.Present));
    }
}
