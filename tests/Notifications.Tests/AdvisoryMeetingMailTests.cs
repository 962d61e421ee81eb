using MimeKit;

namespace Cro.Notifications.Tests;

/// <summary>
/// Advisory meeting notices: one mail to each attendee per event, in Polish and Warsaw time, with the .ics a calendar
/// applies (REQUEST with the meeting's UID and SEQUENCE, CANCEL on cancellation); events older than the applied one ignored.
/// </summary>
public sealed class AdvisoryMeetingMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The mail's iCalendar attachment, parsed back as a calendar app would.</summary>
    internal static (ContentType Type, Ical.Net.Calendar Calendar) Attachment(MimeMessage mail)
    {
        var part = Assert.Single(mail.Attachments.OfType<MimePart>());
        return (part.ContentType, Ical.Net.Calendar.Load(((TextPart)part).Text)!);
    }

    internal static Task<IReadOnlyList<StoredReminder>> RemindersAsync(NotificationsService service, Guid meetingId) =>
        service.QueryAsync<StoredReminder>("""
            SELECT id, sequence, recipient, lead_time, due_at, status, attempts, last_error, cancel_reason
            FROM scheduled_reminders WHERE meeting_id = @meetingId ORDER BY sequence, due_at, recipient
            """, new { meetingId });

    /// <summary>Publishes the booking and waits until its reminders (three attendees, two lead times) are planned.</summary>
    internal static async Task<IReadOnlyList<StoredReminder>> BookAsync(NotificationsService service, AdvisoryMeetingBooked booked)
    {
        await service.Bus.Publish(booked, Ct);
        return await Eventually.GetAsync(() => RemindersAsync(service, booked.MeetingId), rows => rows.Count == 6, what: "the reminders planned");
    }

    [Fact]
    public async Task Each_attendee_gets_one_confirmation_whose_invitation_parses_back_to_what_was_booked_even_when_the_event_comes_twice()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        // 14 January is winter time: 08:00 UTC is 09:00 in Warsaw.
        var booked = MeetingEvents.Booked(DateTimeOffset.Parse("2027-01-14T08:00:00Z"));

        await service.PublishTwiceAsync(booked);

        foreach (var person in booked.Attendees)
        {
            var mail = Assert.Single(await smtp.WaitForAsync(person.Email));
            Assert.Equal("Spotkanie doradcze: Gmina Gromadka — 14 stycznia 2027 r., 09:00", mail.Subject);
            Assert.Contains($"Dzień dobry, {person.FullName}!", mail.TextBody);
            Assert.Contains("Potwierdzamy spotkanie doradcze „Ankiety w szkołach” (Gmina Gromadka)", mail.TextBody);
            Assert.Contains("Termin: 14 stycznia 2027 r., 09:00 – 10:00 (czas polski).", mail.TextBody);
            Assert.Contains($"Forma: online. Łącze do spotkania: {MeetingEvents.Link}", mail.TextBody);
            Assert.Contains(person.Role == "advisor" ? "Prowadzisz to spotkanie jako doradca." : "Termin zmienisz albo odwołasz na platformie", mail.TextBody);

            var (type, calendar) = Attachment(mail);
            Assert.Equal(("text/calendar", "REQUEST"), (type.MimeType, type.Parameters["method"]));
            Assert.Equal("REQUEST", calendar.Method);
            Assert.Equal("Europe/Warsaw", Assert.Single(calendar.TimeZones).TzId);
            var meeting = Assert.Single(calendar.Events);
            Assert.Equal((booked.CalendarUid, 0, "CONFIRMED"), (meeting.Uid, meeting.Sequence, meeting.Status));
            Assert.Equal(("Europe/Warsaw", 9, 10), (meeting.DtStart!.TzId, meeting.DtStart.Hour, meeting.DtEnd!.Hour));
            Assert.Equal((booked.StartsAt.UtcDateTime, booked.EndsAt.UtcDateTime), (meeting.DtStart.AsUtc, meeting.DtEnd.AsUtc));
            Assert.Equal("Spotkanie doradcze: Ankiety w szkołach — Gmina Gromadka", meeting.Summary);
            Assert.Equal((MeetingEvents.Link, new Uri(MeetingEvents.Link)), (meeting.Location, meeting.Url));
            // Addressed to this person alone: nobody learns the others' addresses from it.
            Assert.Equal($"mailto:{person.Email}", Assert.Single(meeting.Attendees).Value!.ToString());
            Assert.Equal("mailto:no-reply@cro.local", meeting.Organizer!.Value!.ToString());
        }
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(3, smtp.Received.Count);
        var anna = booked.Attendees[1];
        var stored = Assert.Single(await service.StoredMailToAsync(anna.Email));
        Assert.Equal((anna.MemberId, "advisory-meeting-booked"), (stored.UserId, stored.Kind));
    }

    [Fact]
    public async Task A_move_mails_the_new_time_with_the_next_SEQUENCE_and_replans_the_reminders()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var booked = MeetingEvents.Booked(MeetingEvents.DaysAhead(service.Clock.GetUtcNow(), 10));
        var first = await BookAsync(service, booked);

        var moved = MeetingEvents.Moved(booked, booked.StartsAt.AddDays(2).AddHours(3));
        await service.PublishTwiceAsync(moved);

        var advisor = booked.Attendees[0];
        var mails = await smtp.WaitForAsync(advisor.Email, count: 2);
        var change = mails.Single(m => m.Subject!.StartsWith("Zmiana terminu spotkania doradczego: Gmina Gromadka — ", StringComparison.Ordinal));
        Assert.Contains($"ma nowy termin (miało się zacząć {Cro.ServiceDefaults.WarsawTime.InLetter(booked.StartsAt)})", change.TextBody);
        var (_, calendar) = Attachment(change);
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal((booked.CalendarUid, 1), (meeting.Uid, meeting.Sequence));
        Assert.Equal(moved.StartsAt.UtcDateTime, meeting.DtStart!.AsUtc);

        var reminders = await Eventually.GetAsync(() => RemindersAsync(service, booked.MeetingId), rows => rows.Count == 12, what: "the new reminders");
        Assert.All(reminders.Where(r => r.Sequence == 0), r => Assert.Equal(("cancelled", "moved"), (r.Status, r.CancelReason)));
        var replanned = reminders.Where(r => r.Sequence == 1).ToList();
        Assert.Equal(6, replanned.Count);
        Assert.All(replanned, r => Assert.Equal("pending", r.Status));
        Assert.Equal(
            booked.Attendees.SelectMany(a => new[] { moved.StartsAt.AddHours(-24), moved.StartsAt.AddHours(-1) }).Order(),
            replanned.Select(r => r.DueAt).Order());
        Assert.Equal(first.Select(r => r.Recipient).Order(), replanned.Select(r => r.Recipient).Order());
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, smtp.ReceivedBy(advisor.Email).Count);
    }

    [Fact]
    public async Task A_cancellation_mails_METHOD_CANCEL_of_the_same_UID_and_calls_off_every_reminder()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var booked = MeetingEvents.Booked(DateTimeOffset.Parse("2027-01-14T08:00:00Z"));
        await BookAsync(service, booked);

        await service.PublishTwiceAsync(MeetingEvents.Cancelled(booked));

        foreach (var person in booked.Attendees)
        {
            var mails = await smtp.WaitForAsync(person.Email, count: 2);
            var cancelled = mails.Single(m => m.Subject == "Odwołane spotkanie doradcze: Gmina Gromadka — 14 stycznia 2027 r., 09:00");
            Assert.Contains("zaplanowane na 14 stycznia 2027 r., 09:00 – 10:00 (czas polski), jest odwołane.", cancelled.TextBody);
            Assert.Contains("Powód: Doradca jest chory.", cancelled.TextBody);
            var (type, calendar) = Attachment(cancelled);
            Assert.Equal(("text/calendar", "CANCEL"), (type.MimeType, type.Parameters["method"]));
            Assert.Equal("CANCEL", calendar.Method);
            var meeting = Assert.Single(calendar.Events);
            Assert.Equal((booked.CalendarUid, 1, "CANCELLED"), (meeting.Uid, meeting.Sequence, meeting.Status));
            Assert.Equal(booked.StartsAt.UtcDateTime, meeting.DtStart!.AsUtc);
        }
        var reminders = await Eventually.GetAsync(() => RemindersAsync(service, booked.MeetingId), rows => rows.All(r => r.Status == "cancelled"),
            what: "the reminders called off");
        Assert.All(reminders, r => Assert.Equal("meeting-cancelled", r.CancelReason));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(6, smtp.Received.Count);
    }

    [Fact]
    public async Task A_move_that_arrives_after_the_later_cancellation_is_ignored_with_its_mails_and_reminders()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var booked = MeetingEvents.Booked(MeetingEvents.DaysAhead(service.Clock.GetUtcNow(), 10));
        await BookAsync(service, booked);
        var moved = MeetingEvents.Moved(booked, booked.StartsAt.AddDays(1));
        var cancelled = MeetingEvents.Cancelled(moved);

        await service.Bus.Publish(cancelled, Ct);
        await Eventually.GetAsync(() => RemindersAsync(service, booked.MeetingId), rows => rows.All(r => r.Status == "cancelled"), what: "the cancellation");
        var lateId = Guid.CreateVersion7();
        await service.Bus.Publish(moved, context => context.MessageId = lateId, Ct);
        await Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT message_id FROM inbox_messages WHERE message_id = @lateId", new { lateId }),
            rows => rows.Count == 1, what: "the late move taken");

        var reminders = await RemindersAsync(service, booked.MeetingId);
        Assert.Equal(6, reminders.Count);
        Assert.All(reminders, r => Assert.Equal(("cancelled", 0), (r.Status, r.Sequence)));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.DoesNotContain(smtp.Received, m => m.Subject!.StartsWith("Zmiana terminu", StringComparison.Ordinal));
        Assert.Equal(["cancelled"], await service.QueryAsync<string>("SELECT status FROM advisory_meetings WHERE meeting_id = @MeetingId", booked));
    }
}

public sealed record StoredReminder(Guid Id, int Sequence, string Recipient, TimeSpan LeadTime, DateTimeOffset DueAt, string Status, int Attempts,
    string? LastError, string? CancelReason);
