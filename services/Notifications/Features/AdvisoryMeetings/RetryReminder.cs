using Cro.Notifications.Features.Delivery;
using Cro.ServiceDefaults.Security;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// POST /api/notifications/advisory-reminders/{id}/retry — ORE sends a failed reminder again once the cause is fixed (the mail
/// server's refusal, a wrong address corrected at its source): a reminder whose mail was given up has that mail queued again
/// with fresh attempts; one that never reached the mail queue goes back to be handed over now. Only a failed reminder of a
/// meeting still booked as it was, and not yet started, can be sent again (409 otherwise, naming why); nothing changes then.
/// </summary>
public static class RetryReminder
{
    private sealed record Target(Guid Id, string Status, int Sequence, int MeetingSequence, string MeetingStatus, DateTimeOffset StartsAt,
        bool HasMail);

    public static IEndpointRouteBuilder MapRetryReminder(this IEndpointRouteBuilder api)
    {
        api.MapPost("/advisory-reminders/{id:guid}/retry", RetryAsync)
            .WithName("RetryAdvisoryReminder")
            .WithSummary("Wyślij ponownie przypomnienie, którego nie udało się wysłać / Send a failed reminder again")
            .Produces<MeetingReminders.ReminderView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> RetryAsync(Guid id, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow().ToUniversalTime();
        // The mail before its reminder: the order MailSender locks the two in.
        await session.ExecuteAsync("SELECT 1 FROM outgoing_mail WHERE message_id = @id FOR UPDATE", new { id });
        if (await session.QuerySingleOrDefaultAsync<Target>("""
                SELECT r.id, r.status, r.sequence, m.sequence AS meeting_sequence, m.status AS meeting_status, m.starts_at,
                       EXISTS (SELECT 1 FROM outgoing_mail o WHERE o.message_id = r.id) AS has_mail
                FROM scheduled_reminders r JOIN advisory_meetings m ON m.meeting_id = r.meeting_id
                WHERE r.id = @id
                FOR UPDATE OF r
                """, new { id }) is not { } reminder)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego przypomnienia.", "There is no such reminder.");
        }
        if (Refusal(reminder, now) is { } refused)
        {
            return refused;
        }
        if (reminder.HasMail)
        {
            // MailSender reads the database's clock, ReminderSender the service's: each row is due by its own worker's.
            await session.ExecuteAsync($"""
                UPDATE outgoing_mail SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL WHERE message_id = @id;
                UPDATE scheduled_reminders SET status = '{ReminderStatus.Queued}', updated_at = @now WHERE id = @id;
                SELECT pg_notify('{OutgoingMail.NotifyChannel}', '');
                """, new { id, now });
        }
        else
        {
            await session.ExecuteAsync($"""
                UPDATE scheduled_reminders SET status = '{ReminderStatus.Pending}', attempts = 0, next_attempt_at = @now, updated_at = @now
                WHERE id = @id;
                SELECT pg_notify('{ReminderSchedule.NotifyChannel}', '');
                """, new { id, now });
        }
        var view = await session.QuerySingleAsync<MeetingReminders.ReminderRow>(
            $"SELECT {MeetingReminders.ReminderRow.Columns} FROM scheduled_reminders r WHERE r.id = @id", new { id });
        await session.CommitAsync();
        return TypedResults.Ok(view.ToView());
    }

    private static IResult? Refusal(Target reminder, DateTimeOffset now)
    {
        if (reminder.Status != ReminderStatus.Failed)
        {
            return Problems.Conflict("Tego przypomnienia nie trzeba wysyłać ponownie.", "This reminder needs no second sending.",
                "Ponownie wysyła się tylko przypomnienie, którego nie udało się wysłać.", "Only a reminder that could not be sent is sent again.");
        }
        if (reminder.MeetingStatus != MeetingStatus.Booked || reminder.MeetingSequence != reminder.Sequence)
        {
            return Problems.Conflict("Spotkanie zmieniło się od tego przypomnienia.", "The meeting changed since this reminder.",
                "Spotkanie przeniesiono albo odwołano; jego obecne przypomnienia są osobno.",
                "The meeting was moved or cancelled; its current reminders are separate.");
        }
        return reminder.StartsAt <= now
            ? Problems.Conflict("Spotkanie już się zaczęło.", "The meeting has already started.",
                "Przypomnienie po rozpoczęciu spotkania niczemu nie służy.", "A reminder after the start serves no purpose.")
            : null;
    }
}
