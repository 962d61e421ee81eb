using Microsoft.Extensions.Configuration;

namespace Cro.Notifications.Tests;

/// <summary>
/// The mails to conference participants, who have no accounts: each once even when its event comes twice, with the
/// participant's own link (its token derived from the registration's id under the shared secret, as publishing derives
/// it), times in Warsaw, and the conference as a calendar event when the place is confirmed (REQUEST) and when a confirmed
/// registration ends (CANCEL), under the conference's UID.
/// </summary>
public sealed class ConferenceMailTests
{
    private const string Secret = "test-conference-link-secret-0123456789";
    private static readonly Uri Page = new("https://cro.example.pl/konferencje/zgloszenie/");
    // 20 April 2027 is summer time: 08:00 UTC is 10:00 in Warsaw; the conference ends the next day at 16:00.
    private static readonly DateTimeOffset Starts = DateTimeOffset.Parse("2027-04-20T08:00:00Z");
    private static readonly DateTimeOffset Ends = DateTimeOffset.Parse("2027-04-21T14:00:00Z");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<NotificationsService> StartAsync(FakeSmtpServer smtp) =>
        NotificationsService.StartAsync(smtp.Port, new Dictionary<string, string?> { ["SchoolLinks:Secret"] = Secret });

    private static string LinkOf(Guid registrationId) => Page + new Cro.ServiceDefaults.Security.LinkTokens(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["SchoolLinks:Secret"] = Secret }).Build()).Derive(registrationId);

    private static ConferenceRegistrationReceived Received(bool onWaitlist) => new()
    {
        RegistrationId = Guid.CreateVersion7(), ConferenceId = Guid.CreateVersion7(), ConferenceTitle = "Cyfrowa szkoła w samorządzie", StartsAt = Starts,
        EndsAt = Ends, Place = "Warszawa, ul. Przykładowa 1", FullName = "Ewa <Kowalska>", Email = $"{Guid.NewGuid():N}@gmina.example.pl",
        OnWaitlist = onWaitlist, WaitlistPosition = onWaitlist ? 12 : null, ConfirmBy = DateTimeOffset.Parse("2027-02-02T09:30:00Z"), PageUrl = Page,
        RegisteredAt = DateTimeOffset.Parse("2027-02-01T09:30:00Z"),
    };

    [Fact]
    public async Task A_registration_gets_its_confirmation_link_once_with_a_place_or_its_waitlist_position()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await StartAsync(smtp);
        var (withPlace, waiting) = (Received(onWaitlist: false), Received(onWaitlist: true));

        await service.PublishTwiceAsync(withPlace);
        await service.PublishTwiceAsync(waiting);

        foreach (var registration in new[] { withPlace, waiting })
        {
            var mail = Assert.Single(await smtp.WaitForAsync(registration.Email));
            Assert.Equal("Potwierdź zgłoszenie na konferencję: Cyfrowa szkoła w samorządzie", mail.Subject);
            Assert.DoesNotContain("<Kowalska>", mail.HtmlBody);
            Assert.Empty(mail.Attachments);
            foreach (var part in new[] { WebUtility.HtmlDecode(Assert.IsType<string>(mail.HtmlBody)), Assert.IsType<string>(mail.TextBody) })
            {
                Assert.Contains("Dzień dobry, Ewa <Kowalska>!", part);
                Assert.Contains(LinkOf(registration.RegistrationId), part);
                Assert.Contains("Termin: 20 kwietnia 2027 r., 10:00 – 21 kwietnia 2027 r., 16:00 (czas polski).", part);
                Assert.Contains("Potwierdź swój adres e-mail do 2 lutego 2027 r., 10:30 (czas polski).", part);
                Assert.Contains(registration.OnWaitlist ? "jesteś na liście oczekujących (pozycja 12)" : "Mamy dla Ciebie miejsce.", part);
            }
        }
        var stored = await Eventually.GetAsync(() => service.StoredMailToAsync(withPlace.Email), rows => rows is [{ Status: "sent" }], what: "the mail sent");
        Assert.Equal(("conference-registration", (Guid?)null), (stored[0].Kind, stored[0].UserId));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, smtp.Received.Count);
    }

    [Fact]
    public async Task A_confirmed_place_comes_with_the_conference_as_a_calendar_invitation_and_a_cancellation_removes_it()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await StartAsync(smtp);
        var registrationId = Guid.CreateVersion7();
        var email = $"{registrationId:N}@szkola.example.pl";
        var uid = $"konferencja-{Guid.CreateVersion7()}@cro.ore.edu.pl";
        var confirmed = new ConferenceRegistrationConfirmed
        {
            RegistrationId = registrationId, ConferenceId = Guid.CreateVersion7(), ConferenceTitle = "Cyfrowa szkoła w samorządzie", StartsAt = Starts,
            EndsAt = Ends, Place = "Warszawa, ul. Przykładowa 1", OnlineUrl = new Uri("https://spotkania.example.pl/konferencja"), FullName = "Jan Nowak",
            Email = email, FromWaitlist = false, CalendarUid = uid, Sequence = 2, PageUrl = Page, ConfirmedAt = DateTimeOffset.Parse("2027-02-01T10:00:00Z"),
        };

        await service.PublishTwiceAsync(confirmed);
        var mail = Assert.Single(await smtp.WaitForAsync(email));
        await service.PublishTwiceAsync(new ConferenceRegistrationEnded
        {
            RegistrationId = registrationId, ConferenceId = confirmed.ConferenceId, ConferenceTitle = confirmed.ConferenceTitle, StartsAt = Starts, EndsAt = Ends,
            FullName = "Jan Nowak", Email = email, Reason = "cancelled", WasConfirmed = true, CalendarUid = uid, Sequence = 2,
            EndedAt = DateTimeOffset.Parse("2027-03-01T10:00:00Z"),
        });
        var cancelled = (await smtp.WaitForAsync(email, 2)).Single(m => m != mail);

        Assert.Equal("Potwierdzone miejsce na konferencji: Cyfrowa szkoła w samorządzie — 20 kwietnia 2027 r., 10:00", mail.Subject);
        Assert.Contains("Twoje miejsce na konferencji „Cyfrowa szkoła w samorządzie”", mail.TextBody);
        Assert.Contains("Miejsce: Warszawa, ul. Przykładowa 1. Można też uczestniczyć online: https://spotkania.example.pl/konferencja", mail.TextBody);
        Assert.Contains($"Bilet i Twoje zgłoszenie: {LinkOf(registrationId)}", mail.TextBody);
        var (type, calendar) = AdvisoryMeetingMailTests.Attachment(mail);
        Assert.Equal(("text/calendar", "REQUEST"), (type.MimeType, type.Parameters["method"]));
        var conference = Assert.Single(calendar.Events);
        Assert.Equal((uid, 2, "CONFIRMED"), (conference.Uid, conference.Sequence, conference.Status));
        Assert.Equal(("Europe/Warsaw", 10, 16), (conference.DtStart!.TzId, conference.DtStart.Hour, conference.DtEnd!.Hour));
        Assert.Equal((Starts.UtcDateTime, Ends.UtcDateTime), (conference.DtStart.AsUtc, conference.DtEnd.AsUtc));
        Assert.Equal("Cyfrowa szkoła w samorządzie", conference.Summary);
        Assert.Equal($"mailto:{email}", Assert.Single(conference.Attendees).Value!.ToString());

        Assert.Equal("Anulowane zgłoszenie na konferencję: Cyfrowa szkoła w samorządzie", cancelled.Subject);
        Assert.Contains("Potwierdzamy anulowanie Twojego zgłoszenia.", cancelled.TextBody);
        var (cancelType, cancellation) = AdvisoryMeetingMailTests.Attachment(cancelled);
        Assert.Equal("CANCEL", cancelType.Parameters["method"]);
        var removed = Assert.Single(cancellation.Events);
        Assert.Equal((uid, 3, "CANCELLED"), (removed.Uid, removed.Sequence, removed.Status));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, smtp.ReceivedBy(email).Count);
    }

    [Fact]
    public async Task A_freed_place_is_offered_with_its_hold_and_a_lapsed_offer_is_told_without_a_calendar()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await StartAsync(smtp);
        var registrationId = Guid.CreateVersion7();
        var email = $"{registrationId:N}@powiat.example.pl";

        await service.PublishTwiceAsync(new ConferencePlaceOffered
        {
            RegistrationId = registrationId, ConferenceId = Guid.CreateVersion7(), ConferenceTitle = "Cyfrowa szkoła w samorządzie", StartsAt = Starts,
            EndsAt = Ends, FullName = "Ola Czekająca", Email = email, HoldUntil = DateTimeOffset.Parse("2027-03-03T11:00:00Z"), PageUrl = Page,
            OfferedAt = DateTimeOffset.Parse("2027-03-01T11:00:00Z"),
        });
        var offer = Assert.Single(await smtp.WaitForAsync(email));
        await service.PublishTwiceAsync(new ConferenceRegistrationEnded
        {
            RegistrationId = registrationId, ConferenceId = Guid.CreateVersion7(), ConferenceTitle = "Cyfrowa szkoła w samorządzie", StartsAt = Starts,
            EndsAt = Ends, FullName = "Ola Czekająca", Email = email, Reason = "lapsed", WasConfirmed = false, CalendarUid = "x", Sequence = 0,
            EndedAt = DateTimeOffset.Parse("2027-03-03T11:00:00Z"),
        });
        var lapsed = (await smtp.WaitForAsync(email, 2)).Single(m => m != offer);

        Assert.Equal("Zwolniło się miejsce na konferencji: Cyfrowa szkoła w samorządzie", offer.Subject);
        Assert.Contains("Trzymamy je dla Ciebie do 3 marca 2027 r., 12:00 (czas polski).", offer.TextBody);
        Assert.Contains($"Przyjmij albo odrzuć miejsce: {LinkOf(registrationId)}", offer.TextBody);
        Assert.Contains($"href=\"{LinkOf(registrationId)}\"", offer.HtmlBody);
        Assert.Equal("Przepadło zaproponowane miejsce na konferencji: Cyfrowa szkoła w samorządzie", lapsed.Subject);
        Assert.Contains("nie zostało przyjęte w wyznaczonym czasie", lapsed.TextBody);
        Assert.Empty(lapsed.Attachments);
    }
}
