using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.Contracts;
using Cro.Notifications.Features.Delivery;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// A meeting booked or moved: recorded (unless a later change of it was applied already, see <see cref="MeetingLedger"/>),
/// the confirmation with its invitation queued once for each attendee in the inbox transaction, the reminders of an earlier
/// time called off and those of this one planned.
/// </summary>
public sealed class AdvisoryMeetingBookedConsumer(NpgsqlDataSource dataSource, IOptions<MailOptions> mail,
    IOptions<AdvisoryReminderOptions> reminders, TimeProvider time) : InboxConsumer<AdvisoryMeetingBooked>(dataSource)
{
    private static readonly Guid MailPerPerson = Guid.Parse("a8f4e2d1-6c3b-4f7e-9d21-5b0c8e7a4f63");

    protected override async Task HandleAsync(AdvisoryMeetingBooked message, DataSession session)
    {
        var now = time.GetUtcNow();
        if (!await MeetingLedger.ApplyAsync(session, MeetingLedger.Of(message), message.Attendees, now))
        {
            return;
        }
        var organizer = AdvisoryMeetingMail.Organizer(mail.Value);
        await session.EnqueueMailToEachAsync(MailPerPerson, MessageId, message.Attendees, a => a.Email, a => a.MemberId,
            a => AdvisoryMeetingMail.Booked(message, a, organizer));
        await ReminderSchedule.CancelAsync(session, message.MeetingId, CancelReason.Moved, now);
        await ReminderSchedule.PlanAsync(session, message, reminders.Value.LeadTimes, now);
    }
}
