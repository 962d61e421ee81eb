using System.Globalization;
using Cro.ServiceDefaults.Security;
using FluentValidation;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// GET /api/notifications/advisory-reminders/failed — for ORE, the reminders given up on (the hand-over failed, or the mail
/// server never took the mail), oldest due first in keyset pages, each with its meeting and its last error, so someone can
/// tell the people concerned another way.
/// </summary>
public static class FailedReminders
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public sealed record FailedRemindersRequest(string? Cursor, int? Limit);

    public sealed record FailedReminder(Guid MeetingId, string JstTerc, string JstName, string Topic, DateTimeOffset StartsAt,
        MeetingReminders.ReminderView Reminder);

    public sealed record FailedRemindersResponse(IReadOnlyList<FailedReminder> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<FailedRemindersRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Limit).InclusiveBetween(1, MaxLimit).WithMessage(_ => KeysetCursor.LimitMessage(MaxLimit));
            RuleFor(r => r.Cursor).Must(c => c is null || Decode(c) is not null).WithMessage(_ => KeysetCursor.InvalidMessage);
        }
    }

    private sealed record Row(Guid MeetingId, string JstTerc, string JstName, string Topic, DateTimeOffset StartsAt, Guid Id, string Recipient,
        string FullName, string Role, TimeSpan LeadTime, DateTimeOffset DueAt, int Sequence, string Status, int Attempts, string? LastError,
        string? CancelReason, DateTimeOffset UpdatedAt)
    {
        public FailedReminder ToItem() => new(MeetingId, JstTerc, JstName, Topic, WarsawTime.InWarsaw(StartsAt),
            new MeetingReminders.ReminderRow(Id, Recipient, FullName, Role, LeadTime, DueAt, Sequence, Status, Attempts, LastError, CancelReason,
                UpdatedAt).ToView());
    }

    public static IEndpointRouteBuilder MapFailedReminders(this IEndpointRouteBuilder api)
    {
        api.MapGet("/advisory-reminders/failed", ListAsync)
            .WithName("FailedAdvisoryReminders")
            .WithSummary("Przypomnienia, których nie udało się wysłać / Reminders that could not be sent")
            .Validate<FailedRemindersRequest>()
            .Produces<FailedRemindersResponse>()
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> ListAsync([AsParameters] FailedRemindersRequest request, DataSession session)
    {
        var limit = request.Limit ?? DefaultLimit;
        var after = request.Cursor is { } cursor ? Decode(cursor) : null;
        var rows = (await session.QueryAsync<Row>($"""
            SELECT m.meeting_id, m.jst_terc, m.jst_name, m.topic, m.starts_at, {MeetingReminders.ReminderRow.Columns}
            FROM scheduled_reminders r JOIN advisory_meetings m ON m.meeting_id = r.meeting_id
            WHERE r.status = '{ReminderStatus.Failed}' AND (@afterDue::timestamptz IS NULL OR (r.due_at, r.id) > (@afterDue, @afterId))
            ORDER BY r.due_at, r.id
            LIMIT @take
            """, new { afterDue = after?.DueAt, afterId = after?.Id, take = limit + 1 })).ToList();
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? KeysetCursor.Encode(page[^1].DueAt.UtcTicks.ToString(CultureInfo.InvariantCulture), page[^1].Id.ToString()) : null;
        return TypedResults.Ok(new FailedRemindersResponse([.. page.Select(r => r.ToItem())], next));
    }

    private static (DateTimeOffset DueAt, Guid Id)? Decode(string cursor) =>
        KeysetCursor.TryDecode(cursor, 2, out var key) && long.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParse(key[1], out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
}
