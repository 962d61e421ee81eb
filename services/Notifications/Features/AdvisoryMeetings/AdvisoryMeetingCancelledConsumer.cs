using Cro.Notifications.Features.Delivery;
using Microsoft.Extensions.Options;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>A meeting cancelled: the cancellation (METHOD:CANCEL) to each attendee, and every reminder still to go called off.</summary>
public sealed class AdvisoryMeetingCancelledConsumer(NpgsqlDataSource dataSource, IOptions<MailOptions> mail, TimeProvider time)
    : MeetingNoticeConsumer<AdvisoryMeetingCancelled>(dataSource, mail, time, Guid.Parse("c3b7d9e5-2a1f-4c8b-b6e0-7f4d2a9c1e85"),
        cancelled => (MeetingLedger.Of(cancelled), cancelled.Attendees), AdvisoryMeetingMail.Cancelled)
{
    protected override Task RemindAsync(DataSession session, AdvisoryMeetingCancelled message, DateTimeOffset now) =>
        ReminderSchedule.CancelAsync(session, message.MeetingId, CancelReason.MeetingCancelled, now);
}
