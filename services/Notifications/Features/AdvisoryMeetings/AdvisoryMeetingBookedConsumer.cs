using Cro.Notifications.Features.Delivery;
using Microsoft.Extensions.Options;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// A meeting booked or moved: the confirmation with its invitation (METHOD:REQUEST) to each attendee, the reminders of an
/// earlier time called off and those of this one planned.
/// </summary>
public sealed class AdvisoryMeetingBookedConsumer(NpgsqlDataSource dataSource, IOptions<MailOptions> mail,
    IOptions<AdvisoryReminderOptions> reminders, TimeProvider time)
    : MeetingNoticeConsumer<AdvisoryMeetingBooked>(dataSource, mail, time, Guid.Parse("a8f4e2d1-6c3b-4f7e-9d21-5b0c8e7a4f63"),
        booked => (MeetingLedger.Of(booked), booked.Attendees), AdvisoryMeetingMail.Booked)
{
    protected override async Task RemindAsync(DataSession session, AdvisoryMeetingBooked message, DateTimeOffset now)
    {
        await ReminderSchedule.CancelAsync(session, message.MeetingId, CancelReason.Moved, now);
        await ReminderSchedule.PlanAsync(session, message, reminders.Value.LeadTimes, now);
    }
}
