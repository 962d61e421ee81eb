namespace Cro.Notifications.Tests;

/// <summary>Notices of training sessions: one mail to each person the event names, once, in Warsaw time.</summary>
public sealed class SessionMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SessionScheduled Session(bool moved, params SessionAttendee[] attendees) => new()
    {
        SessionId = Guid.CreateVersion7(), CohortId = Guid.CreateVersion7(), CohortName = "Grupa dolnośląska 1", ModuleCode = "M2",
        ModuleTitle = "Wykluczenie cyfrowe dzieci i uczniów",
        // 14 January is winter time: 08:00 UTC is 09:00 in Warsaw.
        StartsAt = DateTimeOffset.Parse("2027-01-14T08:00:00Z"), EndsAt = DateTimeOffset.Parse("2027-01-14T15:00:00Z"),
        Form = "stationary", Place = "Urząd Gminy Gromadka, sala 12", Hours = 8, Moved = moved,
        PreviousStartsAt = moved ? DateTimeOffset.Parse("2027-01-12T08:00:00Z") : null, Sequence = moved ? 1 : 0,
        Attendees = attendees, ScheduledAt = DateTimeOffset.UtcNow,
    };

    private static SessionAttendee Person(string name, string role = "participant") => new()
    {
        ParticipantId = role == "participant" ? Guid.CreateVersion7() : null, FullName = name,
        Email = $"{Guid.NewGuid():N}@example.test", Role = role,
    };

    [Fact]
    public async Task Each_participant_and_the_trainer_get_one_notice_of_a_new_session_even_when_the_event_comes_twice()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var (anna, jan, trainer) = (Person("Anna Nowak"), Person("Jan Kowalski"), Person("Ewa Trenerska", "trainer"));
        var session = Session(moved: false, anna, jan, trainer);
        var id = Guid.NewGuid();

        await service.Bus.Publish(session, context => context.MessageId = id, Ct);
        await service.Bus.Publish(session, context => context.MessageId = id, Ct);

        foreach (var person in new[] { anna, jan, trainer })
        {
            var mail = Assert.Single(await smtp.WaitForAsync(person.Email));
            Assert.Equal("Nowa sesja szkoleniowa: M2 — 14 stycznia 2027 r., 09:00", mail.Subject);
            Assert.Contains($"Dzień dobry, {person.FullName}!", mail.TextBody);
            Assert.Contains("Termin: 14 stycznia 2027 r., 09:00 – 16:00 (8 godz., czas polski).", mail.TextBody);
            Assert.Contains("Miejsce: Urząd Gminy Gromadka, sala 12.", mail.TextBody);
        }
        Assert.Contains("Prowadzisz tę sesję", (await smtp.WaitForAsync(trainer.Email))[0].TextBody);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(3, smtp.Received.Count(m => m.Subject?.StartsWith("Nowa sesja", StringComparison.Ordinal) == true));
        var stored = await service.StoredMailToAsync(anna.Email);
        Assert.Equal((anna.ParticipantId, "session-scheduled"), (stored.Single().UserId, stored.Single().Kind));
    }

    [Fact]
    public async Task A_moved_session_says_when_it_was_to_start()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var anna = Person("Anna Nowak");

        await service.Bus.Publish(Session(moved: true, anna), Ct);

        var mail = Assert.Single(await smtp.WaitForAsync(anna.Email));
        Assert.Equal("Zmiana sesji szkoleniowej: M2 — 14 stycznia 2027 r., 09:00", mail.Subject);
        Assert.Contains("(miała się zacząć 12 stycznia 2027 r., 09:00)", mail.TextBody);
    }

    [Fact]
    public async Task Cancelled_session_is_mailed_once_to_each_participant_and_trainer_with_the_reason()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var (anna, trainer) = (Person("Anna Nowak"), Person("Ewa Trenerska", "trainer"));
        var cancelled = new SessionCancelled
        {
            SessionId = Guid.CreateVersion7(), CohortId = Guid.CreateVersion7(), CohortName = "Grupa dolnośląska 1", ModuleCode = "M2",
            ModuleTitle = "Wykluczenie cyfrowe dzieci i uczniów",
            StartsAt = DateTimeOffset.Parse("2027-01-14T08:00:00Z"), EndsAt = DateTimeOffset.Parse("2027-01-14T15:00:00Z"),
            Form = "stationary", Place = "Urząd Gminy Gromadka, sala 12", Reason = "Sala jest nieczynna z powodu awarii ogrzewania.",
            CalendarUid = "0195f0a2-session@cro-training", Sequence = 1, Attendees = [anna, trainer], CancelledAt = DateTimeOffset.UtcNow,
        };
        var id = Guid.NewGuid();

        await service.Bus.Publish(cancelled, context => context.MessageId = id, Ct);
        await service.Bus.Publish(cancelled, context => context.MessageId = id, Ct);

        foreach (var person in new[] { anna, trainer })
        {
            var mail = Assert.Single(await smtp.WaitForAsync(person.Email));
            Assert.Equal("Odwołana sesja szkoleniowa: M2 — 14 stycznia 2027 r., 09:00", mail.Subject);
            Assert.Contains($"Dzień dobry, {person.FullName}!", mail.TextBody);
            Assert.Contains("zaplanowana na 14 stycznia 2027 r., 09:00 – 16:00 (czas polski), jest odwołana.", mail.TextBody);
            Assert.Contains("Powód: Sala jest nieczynna z powodu awarii ogrzewania.", mail.TextBody);
            Assert.Contains("oznaczona jako odwołana", mail.TextBody);
            // An iTIP cancellation of the same event the calendar feeds carry, so mail clients remove it.
            var invitation = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
            Assert.Equal(("text/calendar", "CANCEL"), (invitation.ContentType.MimeType, invitation.ContentType.Parameters["method"]));
            // Long iCalendar lines are folded (RFC 5545 3.1): unfold before reading.
            var ics = ((MimeKit.TextPart)invitation).Text.Replace("\r\n ", "").Replace("\n ", "");
            Assert.Contains("METHOD:CANCEL", ics);
            Assert.Contains("UID:0195f0a2-session@cro-training", ics);
            Assert.Contains("SEQUENCE:1", ics);
            Assert.Contains("STATUS:CANCELLED", ics);
            Assert.Contains($"mailto:{person.Email}", ics);
        }
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, smtp.Received.Count(m => m.Subject?.StartsWith("Odwołana sesja", StringComparison.Ordinal) == true));
        var stored = await service.StoredMailToAsync(anna.Email);
        Assert.Equal((anna.ParticipantId, "session-cancelled"), (stored.Single().UserId, stored.Single().Kind));
    }
}
