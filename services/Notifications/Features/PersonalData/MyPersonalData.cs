using Cro.ServiceDefaults.Security;
using System.Security.Claims;
using Cro.Notifications.Features.AdvisoryMeetings;

namespace Cro.Notifications.Features.PersonalData;

/// <summary>
/// GET /api/notifications/me/personal-data — what notifications holds about the signed-in person (RODO
/// art. 15 and 20): every mail the platform sent or will send them, the advisory meetings that named them with the
/// reminders planned for them, and when their data was erased here.
/// </summary>
public static class MyPersonalData
{
    /// <summary>
    /// One mail, without its body: the bodies carry single-use links (invitation, password reset), and an
    /// export must not become a second way to obtain them. After erasure the address reads
    /// <c>erased-{id}@invalid</c> and the subject is empty, as stored.
    /// </summary>
    /// <param name="Kind">The template: <c>invitation</c>, <c>password-reset</c>, <c>application-draft</c>,
    /// <c>application-submitted</c>, <c>application-accepted</c>, <c>application-reserve</c>,
    /// <c>application-rejected</c>, <c>jst-withdrew</c>, <c>session-scheduled</c>, <c>session-moved</c>, <c>session-cancelled</c>,
    /// <c>advisory-meeting-booked</c>, <c>advisory-meeting-moved</c>, <c>advisory-meeting-cancelled</c>, <c>advisory-meeting-reminder</c>,
    /// <c>debate-registration</c>, <c>school-link</c>, <c>school-link-reminder</c> (a school director's diagnosis link, found by the
    /// address), <c>report-overdue</c>, <c>report-overdue-reminder</c> (to a JST's coordinator about an implementation report past its
    /// due day), <c>practice-submitted</c>, <c>practice-review-requested</c>, <c>practice-approved</c>, <c>practice-changes-requested</c>,
    /// <c>practice-published</c>, <c>practice-unpublished</c>, <c>practice-proposed</c> (to a good practice's authors, the JST's advisor
    /// or team, found by the address) (<c>unknown</c> for mail older than the field).</param>
    /// <param name="Status"><c>pending</c>, <c>sent</c>, <c>failed</c> (given up) or <c>cancelled</c> (by erasure).</param>
    [OpenApiSchemaName("MailToPerson")]
    public sealed record Mail(Guid Id, string Kind, string Recipient, string Subject, string Status,
        DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

    /// <summary>An advisory meeting whose events named the person (as its advisor or a member of the team), as last announced.</summary>
    /// <param name="Role"><c>advisor</c> or <c>member</c>.</param>
    /// <param name="Status"><c>booked</c> or <c>cancelled</c>.</param>
    public sealed record AdvisoryMeetingAttended(Guid MeetingId, string JstName, string Topic, DateTimeOffset StartsAt, string Role, string Status);

    /// <summary>A reminder of an advisory meeting planned for the person, and what became of it.</summary>
    /// <param name="Status"><c>pending</c>, <c>queued</c>, <c>sent</c>, <c>failed</c> or <c>cancelled</c>.</param>
    public sealed record AdvisoryReminderToPerson(Guid MeetingId, int MinutesBefore, DateTimeOffset DueAt, string Status);

    [OpenApiSchemaName("NotificationsPersonalData")]
    public sealed record MyPersonalDataResponse(Guid PersonId, IReadOnlyList<Mail> Mails, IReadOnlyList<AdvisoryMeetingAttended> AdvisoryMeetings,
        IReadOnlyList<AdvisoryReminderToPerson> AdvisoryReminders, DateTimeOffset? ErasedAt);

    private sealed record ReminderRow(Guid MeetingId, TimeSpan LeadTime, DateTimeOffset DueAt, string Status);

    public static RouteHandlerBuilder MapMyPersonalData(this IEndpointRouteBuilder api) => api
        .MapGet("/me/personal-data", HandleAsync)
        .WithName("MyNotificationsPersonalData")
        .WithTags("RODO")
        .WithSummary("Moje dane osobowe: wiadomości e-mail i spotkania doradcze / My personal data: e-mails and advisory meetings")
        .Produces<MyPersonalDataResponse>()
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(HttpContext context, DataSession session)
    {
        if (context.User.PersonId() is not { } personId)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: Text.Pick("Brak dostępu.", "Forbidden."),
                detail: Text.Pick("Token nie wskazuje osoby.", "The token names no person."));
        }
        // Advisory meetings name their people by address (as erasure finds them); a token without one finds none of them.
        var email = context.User.FindFirstValue(CroClaims.Email)?.ToLowerInvariant() ?? "";
        // No paging: a person has a handful of mails (sent ones are deleted after the retention period) and meetings,
        // and an export is one document.
        var mails = await session.QueryAsync<Mail>("""
            SELECT id, kind, recipient, subject, status, created_at, sent_at
            FROM outgoing_mail
            WHERE user_id = @personId OR (@email <> '' AND (user_id IS NULL OR kind = ANY (@advisoryKinds)) AND lower(recipient) = @email)
            ORDER BY created_at, id
            """, new { personId, email, advisoryKinds = AdvisoryMeetingMail.Kinds.ToArray() });
        var meetings = await session.QueryAsync<AdvisoryMeetingAttended>("""
            SELECT m.meeting_id, m.jst_name, m.topic, m.starts_at, a.role, m.status
            FROM advisory_meeting_attendees a JOIN advisory_meetings m ON m.meeting_id = a.meeting_id
            WHERE a.email = @email ORDER BY m.starts_at, m.meeting_id
            """, new { email });
        var reminders = await session.QueryAsync<ReminderRow>("""
            SELECT meeting_id, lead_time, due_at, status FROM scheduled_reminders
            WHERE @email <> '' AND lower(recipient) = @email ORDER BY due_at, id
            """, new { email });
        var erasedAt = await session.QuerySingleOrDefaultAsync<DateTimeOffset?>(
            "SELECT erased_at FROM erased_people WHERE user_id = @personId", new { personId });
        return TypedResults.Ok(new MyPersonalDataResponse(personId, [.. mails],
            [.. meetings.Select(m => m with { StartsAt = WarsawTime.InWarsaw(m.StartsAt) })],
            [.. reminders.Select(r => new AdvisoryReminderToPerson(r.MeetingId, (int)r.LeadTime.TotalMinutes, WarsawTime.InWarsaw(r.DueAt), r.Status))],
            erasedAt));
    }
}
