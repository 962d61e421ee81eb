namespace Cro.Notifications.Tests;

/// <summary>The confirmation of a registration for a JST's public education debate: one mail, in Warsaw time, with how to withdraw.</summary>
public sealed class DebateRegistrationMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registrations_on_either_side_of_the_spring_clock_change_are_each_confirmed_once_at_the_local_time_even_when_the_event_comes_twice()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port, new Dictionary<string, string?>
        {
            ["Contact:Email"] = "pomoc@cro.example.pl",
            ["Contact:Phone"] = "+48 22 111 22 33",
        });
        // Clocks go forward on 28 March 2027: 17:00 UTC the day before is 18:00 winter time, 16:00 UTC that day 18:00 summer time.
        var winter = Events.DebateRegistration(DateTimeOffset.Parse("2027-03-27T17:00:00Z"), fullName: "Ewa <Sołtys> & syn");
        var summer = Events.DebateRegistration(DateTimeOffset.Parse("2027-03-28T16:00:00Z"));
        var expected = new[] { (winter, "27 marca 2027 r., 18:00"), (summer, "28 marca 2027 r., 18:00") };

        await service.PublishTwiceAsync(winter);
        await service.PublishTwiceAsync(summer);

        foreach (var (registration, local) in expected)
        {
            var mail = Assert.Single(await smtp.WaitForAsync(registration.Email));
            Assert.Equal($"Zgłoszenie na debatę oświatową: Gromadka — {local}", mail.Subject);
            Assert.DoesNotContain("<Sołtys>", mail.HtmlBody);
            foreach (var part in new[] { WebUtility.HtmlDecode(Assert.IsType<string>(mail.HtmlBody)), Assert.IsType<string>(mail.TextBody) })
            {
                Assert.Contains($"Dzień dobry, {registration.FullName}!", part);
                Assert.Contains("Potwierdzamy Twoje zgłoszenie na debatę oświatową „Cyfrowa szkoła w naszej gminie”, którą JST Gromadka organizuje", part);
                Assert.Contains($"Termin: {local} (czas polski).", part);
                Assert.Contains("Miejsce: Gminny Ośrodek Kultury w Gromadce, ul. Pocztowa 1.", part);
                Assert.Contains("Jeśli nie możesz przyjść albo chcesz wycofać zgłoszenie, napisz do organizatora debaty (JST Gromadka) "
                    + "albo do operatora programu: e-mail pomoc@cro.example.pl, tel. +48 22 111 22 33.", part);
            }
            // The person has no account: the mail is kept by the address alone.
            var stored = await Eventually.GetAsync(() => service.StoredMailToAsync(registration.Email),
                rows => rows is [{ Status: "sent" }], what: "the mail marked sent");
            Assert.Null(stored[0].UserId);
            Assert.Equal("debate-registration", stored[0].Kind);
        }
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, smtp.Received.Count);
    }
}
