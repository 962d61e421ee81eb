using System.Security.Claims;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// GET /api/notifications/advisory-meetings/{meetingId}/reminders — what became of a meeting's reminders: each one's
/// recipient, lead time, due time, state, attempts and last error (or why it was cancelled). ORE sees every meeting's; an
/// advisor those of a meeting they are its advisor in (as its events named them); a team member their own reminders of a
/// meeting of their JST they attend. Anyone else gets 404, as for a meeting not known.
/// </summary>
public static class MeetingReminders
{
    /// <param name="MinutesBefore">How long before the meeting's start it goes.</param>
    /// <param name="Sequence">The version of the meeting it was planned for (its iCalendar SEQUENCE).</param>
    /// <param name="Status">pending, queued (mail queued, being delivered), sent, failed or cancelled.</param>
    /// <param name="CancelReason">moved, meeting-cancelled, past-due, superseded, too-late or recipient-erased.</param>
    public sealed record ReminderView(Guid Id, string Recipient, string FullName, string Role, int MinutesBefore, DateTimeOffset DueAt, int Sequence,
        string Status, int Attempts, string? LastError, string? CancelReason, DateTimeOffset UpdatedAt);

    public sealed record MeetingRemindersResponse(Guid MeetingId, int Sequence, string Status, DateTimeOffset StartsAt,
        IReadOnlyList<ReminderView> Reminders);

    private sealed record MeetingRow(Guid MeetingId, int Sequence, string Status, string JstTerc, DateTimeOffset StartsAt);

    internal sealed record ReminderRow(Guid Id, string Recipient, string FullName, string Role, TimeSpan LeadTime, DateTimeOffset DueAt, int Sequence,
        string Status, int Attempts, string? LastError, string? CancelReason, DateTimeOffset UpdatedAt)
    {
        public const string Columns = "r.id, r.recipient, r.full_name, r.role, r.lead_time, r.due_at, r.sequence, r.status, r.attempts, r.last_error, " +
            "r.cancel_reason, r.updated_at";

        public ReminderView ToView() => new(Id, Recipient, FullName, Role, (int)LeadTime.TotalMinutes, WarsawTime.InWarsaw(DueAt), Sequence, Status,
            Attempts, LastError, CancelReason, WarsawTime.InWarsaw(UpdatedAt));
    }

    public static IEndpointRouteBuilder MapMeetingReminders(this IEndpointRouteBuilder api)
    {
        api.MapGet("/advisory-meetings/{meetingId:guid}/reminders", GetAsync)
            .WithName("AdvisoryMeetingReminders")
            .WithSummary("Przypomnienia o spotkaniu doradczym / The reminders of an advisory meeting")
            .Produces<MeetingRemindersResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> GetAsync(Guid meetingId, HttpContext context, DataSession session)
    {
        var meeting = await session.QuerySingleOrDefaultAsync<MeetingRow>(
            "SELECT meeting_id, sequence, status, jst_terc, starts_at FROM advisory_meetings WHERE meeting_id = @meetingId", new { meetingId });
        var seen = meeting is null ? Seen.Nothing : await WhatCallerSeesAsync(session, context.User, meetingId, meeting.JstTerc);
        if (seen == Seen.Nothing)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego spotkania albo nie masz do niego dostępu.",
                "There is no such meeting, or you have no access to it.");
        }
        var reminders = await session.QueryAsync<ReminderRow>($"""
            SELECT {ReminderRow.Columns} FROM scheduled_reminders r
            WHERE r.meeting_id = @meetingId AND (@all OR lower(r.recipient) = @email)
            ORDER BY r.sequence DESC, r.due_at, r.recipient
            """, new { meetingId, all = seen == Seen.All, email = Email(context.User) });
        return TypedResults.Ok(new MeetingRemindersResponse(meetingId, meeting!.Sequence, meeting.Status, WarsawTime.InWarsaw(meeting.StartsAt),
            [.. reminders.Select(r => r.ToView())]));
    }

    private enum Seen { Nothing, Own, All }

    private static async Task<Seen> WhatCallerSeesAsync(DataSession session, ClaimsPrincipal user, Guid meetingId, string jstTerc)
    {
        if (user.HasClaim(CroClaims.Role, Roles.Operator) || user.HasClaim(CroClaims.Role, Roles.Admin))
        {
            return Seen.All;
        }
        var attends = await session.QuerySingleOrDefaultAsync<string>(
            "SELECT role FROM advisory_meeting_attendees WHERE meeting_id = @meetingId AND email = @email", new { meetingId, email = Email(user) });
        return attends switch
        {
            AttendeeRole.Advisor when user.HasClaim(CroClaims.Role, Roles.Advisor) => Seen.All,
            AttendeeRole.Member when Roles.OfJst.Any(role => user.HasClaim(CroClaims.Role, role)) && user.JstTerc() == jstTerc => Seen.Own,
            _ => Seen.Nothing,
        };
    }

    private static string Email(ClaimsPrincipal user) => user.FindFirstValue(CroClaims.Email)?.ToLowerInvariant() ?? "";
}
