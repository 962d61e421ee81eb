using Cro.Training.Features.Access;
using Cro.Training.Features.Sessions;
using Cro.Training.Features.Teams;
using FluentValidation;

namespace Cro.Training.Features.Attendance;

/// <summary>
/// PUT /api/training/sessions/{id}/attendance — the cohort's trainer (or an operator) marks participants
/// present, absent or excused. Marks open with check-in, a quarter of an hour before the start (409 before).
/// After the session ended a change is a correction: it needs a reason and is recorded in the audit table.
/// A participant who is not in the session's cohort (nor has a mark of it from before their team moved) is 422, and then
/// nothing is written. A cancelled session takes no marks (409).
/// </summary>
public static class MarkAttendance
{
    public sealed record MarkAttendanceRequest(IReadOnlyList<MarkInput> Marks, string? Reason = null);

    [OpenApiSchemaName("AttendanceMark")]
    public sealed record MarkInput(Guid ParticipantId, string Status);

    public sealed class Validator : AbstractValidator<MarkAttendanceRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Marks).Must(m => m is { Count: > 0 and <= 500 } && m.All(x => x is not null)
                    && m.Select(x => x.ParticipantId).Distinct().Count() == m.Count)
                .WithMessage(_ => Text.Pick("Podaj od 1 do 500 oznaczeń, każdego uczestnika raz.", "Give from 1 to 500 marks, each participant once."));
            RuleForEach(r => r.Marks).ChildRules(mark => mark.RuleFor(m => m.Status).Must(AttendanceStatus.All.Contains)
                .WithMessage(_ => Text.Pick("Status: present (obecny), absent (nieobecny) albo excused (usprawiedliwiony).",
                    "Status: present, absent or excused.")));
            RuleFor(r => r.Reason).MaximumLength(1000)
                .WithMessage(_ => Text.Pick("Uzasadnienie może mieć do 1000 znaków.", "The reason may have up to 1000 characters."));
        }
    }

    public static RouteHandlerBuilder MapMarkAttendance(this IEndpointRouteBuilder api) => api
        .MapPut("/sessions/{id:guid}/attendance", HandleAsync)
        .WithName("MarkAttendance")
        .WithSummary("Oznacz obecność / Mark attendance")
        .Validate<MarkAttendanceRequest>()
        .Produces<AttendanceSheet.Sheet>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.TrainerOrOperator);

    private static async Task<IResult> HandleAsync(Guid id, MarkAttendanceRequest request, HttpContext context, DataSession db, IPresenceObserver observer,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await AttendanceSheet.OpenAsync(db, context, id, forUpdate: true) is not { } session)
        {
            return SessionModules.NotFound();
        }
        if (session.IsCancelled)
        {
            return SessionModules.Cancelled(session);
        }
        if (now < session.OpensAt)
        {
            return Problems.Conflict("Zajęcia jeszcze się nie zaczęły.", "The session has not started.",
                $"Obecność można zaznaczać od {WarsawTime.InWarsaw(session.OpensAt):yyyy-MM-dd HH:mm} (czas warszawski).",
                $"Attendance can be marked from {WarsawTime.InWarsaw(session.OpensAt):yyyy-MM-dd HH:mm} (Warsaw time).");
        }
        if (now > session.EndsAt && string.IsNullOrWhiteSpace(request.Reason))
        {
            return Problems.Field("reason", "Zajęcia się skończyły: podaj powód korekty obecności.",
                "The session has ended: give the reason for the correction.");
        }
        var ids = request.Marks.Select(m => m.ParticipantId).ToArray();
        var participants = (await db.QueryAsync<ParticipantRow>($"""
            SELECT {ParticipantRow.Columns} FROM participants p JOIN teams t ON t.application_id = p.application_id
            WHERE p.id = ANY (@ids)
              AND (t.cohort_id = @CohortId OR EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = @Id AND a.participant_id = p.id))
            """, new { ids, session.CohortId, session.Id })).ToDictionary(p => p.Id);
        var strangers = ids.Where(participantId => !participants.ContainsKey(participantId)).ToList();
        if (strangers.Count > 0)
        {
            return Problems.Unprocessable("Tych osób nie ma w grupie, do której należą zajęcia.", "These people are not in the session's cohort.",
                new Dictionary<string, object?> { ["participantIds"] = strangers });
        }
        var caller = Caller.From(context.User);
        await AttendanceLog.RecordAsync(db, session,
            [.. request.Marks.Select(m => new AttendanceLog.Mark(participants[m.ParticipantId], m.Status))],
            new AttendanceLog.Author(caller.UserId, caller.Name ?? caller.Email, AttendanceStatus.ByTrainer), request.Reason?.Trim(), now, observer);
        var sheet = await AttendanceSheet.ReadAsync(db, session);
        await db.CommitAsync();
        return TypedResults.Ok(sheet);
    }
}
