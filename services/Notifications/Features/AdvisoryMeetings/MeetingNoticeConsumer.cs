using Cro.BuildingBlocks.Calendar;
using Cro.BuildingBlocks.Messaging;
using Cro.Notifications.Features.Delivery;
using Cro.Notifications.Features.Mail;
using Microsoft.Extensions.Options;

namespace Cro.Notifications.Features.AdvisoryMeetings;

/// <summary>
/// An event that changes an advisory meeting, applied in the inbox transaction: the meeting recorded as it tells (or the
/// event ignored with all it would do, when a later change was applied already, see <see cref="MeetingLedger"/>), its
/// notice queued once for each attendee (<see cref="OutgoingMail.EnqueueMailToEachAsync{TPerson}"/>), then its reminders
/// called off or planned (<see cref="RemindAsync"/>).
/// </summary>
/// <param name="mailPerPerson">The namespace of the ids of this kind of notice.</param>
/// <param name="meeting">The meeting's state and attendees as the event tells them.</param>
/// <param name="render">The notice to one attendee; the organizer of the event it carries is the platform's sender.</param>
public abstract class MeetingNoticeConsumer<TEvent>(NpgsqlDataSource dataSource, IOptions<MailOptions> mail, TimeProvider time, Guid mailPerPerson,
    Func<TEvent, (MeetingLedger.MeetingState State, IReadOnlyList<MeetingAttendee> Attendees)> meeting,
    Func<TEvent, MeetingAttendee, CalendarPerson, RenderedMail> render)
    : InboxConsumer<TEvent>(dataSource) where TEvent : class
{
    protected override async Task HandleAsync(TEvent message, DataSession session)
    {
        var now = time.GetUtcNow();
        var (state, attendees) = meeting(message);
        if (!await MeetingLedger.ApplyAsync(session, state, attendees, now))
        {
            return;
        }
        var organizer = AdvisoryMeetingMail.Organizer(mail.Value);
        await session.EnqueueMailToEachAsync(mailPerPerson, MessageId, attendees, a => a.Email, a => a.MemberId, a => render(message, a, organizer));
        await RemindAsync(session, message, now);
    }

    /// <summary>What the event does to the meeting's reminders.</summary>
    protected abstract Task RemindAsync(DataSession session, TEvent message, DateTimeOffset now);
}
