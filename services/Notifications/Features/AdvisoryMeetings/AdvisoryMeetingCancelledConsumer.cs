using Cro.BuildingBlocks.Messaging;
using Cro.BuildingBlocks.Persistence;
using Cro.Contracts;
using Cro.Notifications.Features.Delivery;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// A meeting cancelled: recorded (unless a later change was applied already), the cancellation (METHOD:CANCEL) queued once
/// for each attendee, and every reminder still to go called off.
/// </summary>
public sealed class AdvisoryMeetingCancelledConsumer(NpgsqlDataSource dataSource, IOptions<MailOptions> mail, TimeProvider time)
    : InboxConsumer<AdvisoryMeetingCancelled>(dataSource)
{
    private static readonly Guid MailPerPerson = Guid.Parse("c3b7d9e5-2a1f-4c8b-b6e0-7f4d2a9c1e85");

    protected override async Task HandleAsync(AdvisoryMeetingCancelled message, DataSession session)
    {
        var now = time.GetUtcNow();
        if (!await MeetingLedger.ApplyAsync(session, MeetingLedger.Of(message), message.Attendees, now))
        {
            return;
        }
        var organizer = AdvisoryMeetingMail.Organizer(mail.Value);
        await session.EnqueueMailToEachAsync(MailPerPerson, MessageId, message.Attendees, a => a.Email, a => a.MemberId,
            a => AdvisoryMeetingMail.Cancelled(message, a, organizer));
        await ReminderSchedule.CancelAsync(session, message.MeetingId, CancelReason.MeetingCancelled, now);
    }
}
