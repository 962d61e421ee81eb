using Cro.BuildingBlocks.Messaging;
using Cro.Notifications.Features.AdvisoryMeetings;

namespace Cro.Notifications.Features.Erasure;

/// <summary>
/// Erasure (RODO art. 17): the person's stored mail keeps its status and dates, for the record, but
/// loses the address and every word; mail not yet sent is cancelled; and nothing more is queued for them. Mail to
/// someone without an account (a draft's coordinator, a debate's registrant) is found by the address. The people of
/// advisory meetings are known by their address too: their reminders still to go are called off, and the meetings' attendee
/// lists, reminders and mails lose it. A JST's coordinator, kept by the address, is forgotten.
/// </summary>
public sealed class PersonErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<PersonErased>(dataSource)
{
    protected override Task HandleAsync(PersonErased message, DataSession session) =>
        session.ExecuteAsync($"""
            INSERT INTO erased_people (user_id, erased_at) VALUES (@userId, @erasedAt)
            ON CONFLICT (user_id) DO NOTHING;
            -- last_error goes too: an SMTP server's refusal usually quotes the address.
            UPDATE outgoing_mail
            SET recipient = 'erased-' || user_id || '@invalid', subject = '', html = '', text = '', last_error = NULL,
                status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END
            WHERE user_id = @userId;
            -- Mail sent before the person had an account (an application's draft link) or to someone who has none (a debate
            -- registration's confirmation), and the mail about advisory meetings, whose people the events name by address, is
            -- found by the address.
            UPDATE outgoing_mail
            SET recipient = 'erased-' || id || '@invalid', subject = '', html = '', text = '', last_error = NULL,
                status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END
            WHERE (user_id IS NULL OR kind = ANY (@advisoryKinds)) AND lower(recipient) = lower(@email);
            -- The reminders after their mail, in the order MailSender locks the two.
            UPDATE scheduled_reminders
            SET cancel_reason = CASE WHEN status IN ('{ReminderStatus.Pending}', '{ReminderStatus.Queued}')
                                     THEN '{CancelReason.RecipientErased}' ELSE cancel_reason END,
                status = CASE WHEN status IN ('{ReminderStatus.Pending}', '{ReminderStatus.Queued}')
                              THEN '{ReminderStatus.Cancelled}' ELSE status END,
                recipient = 'erased-' || id || '@invalid', full_name = '', last_error = NULL
            WHERE lower(recipient) = lower(@email);
            UPDATE advisory_meeting_attendees SET email = 'erased-' || gen_random_uuid() || '@invalid', full_name = ''
            WHERE email = lower(@email);
            -- A coordinator of a JST's team, known by the address recruitment's events gave.
            DELETE FROM jst_coordinators WHERE lower(email) = lower(@email);
            """, new
        {
            userId = message.UserId, erasedAt = message.ErasedAt.ToUniversalTime(), email = message.Email ?? "",
            advisoryKinds = AdvisoryMeetingMail.Kinds.ToArray(),
        });
}
