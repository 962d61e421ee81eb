using System.Globalization;
using static Cro.EndToEnd.Tests.PageReload;

namespace Cro.EndToEnd.Tests;

/// <summary>
/// The next sessions in a real browser, through the gateway: an operator forms a cohort and schedules two sessions; a
/// visitor sees their dates and form on the public programme, with the public materials and without anyone's name or
/// the place; the operator cancels one, its people are mailed once, and it leaves the public list. Every page is checked
/// against WCAG 2.1 AA.
/// </summary>
public sealed class SessionCancellationTests(PlatformFixture platform, BrowserFixture browser)
{
    private static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    [Fact]
    public async Task An_operator_cancels_a_session_its_people_are_mailed_once_and_the_public_programme_shows_only_the_sessions_ahead()
    {
        var admin = await SignInFlow.AdministratorAsync(platform, browser);
        var round = $"Nabór odwołań {Guid.NewGuid():N}"[..24];
        var roundId = await PublicApplications.OpenRoundAsync(platform, admin, round);
        // Łagiewniki (gmina wiejska), a JST no other browser test applies for.
        var applied = await PublicApplications.AcceptedAsync(platform, admin, roundId, "0202062", "Łagiewniki");

        // The accepted team arrives in training by event; the operator forms its cohort and schedules two sessions.
        await admin.GotoAsync("/administracja/szkolenia");
        await ReloadUntilVisibleAsync(admin, admin.GetByLabel("Łagiewniki", new() { Exact = true }));
        var cohortName = $"Grupa {round}";
        await admin.GetByLabel("Nazwa grupy").FillAsync(cohortName);
        await admin.GetByLabel("Łagiewniki", new() { Exact = true }).CheckAsync();
        await admin.Locator("#cohort-trainer-0-email").FillAsync(PlatformFixture.AdminEmail);
        await admin.Locator("#cohort-trainer-0-name").FillAsync("Administrator");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Utwórz grupę" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Utworzono grupę");
        var cohortPage = admin.Url;
        // Weeks ahead: after the sessions another browser test schedules for the next minutes, within the public list's ten.
        var onSite = Day(40, 9);
        var online = Day(41, 12);
        await ScheduleAsync(admin, "M2", onSite, online: false);
        await ScheduleAsync(admin, "M3", online, online: true);

        var visitor = await browser.NewPageAsync(platform.GatewayAddress);
        await visitor.GotoAsync("/szkolenia");
        var next = visitor.GetByTestId("next-sessions");
        await Assertions.Expect(next).ToContainTextAsync(Written(onSite));
        await Assertions.Expect(next.GetByRole(AriaRole.Row).Filter(new() { HasText = Written(onSite) })).ToContainTextAsync("stacjonarnie");
        await Assertions.Expect(next.GetByRole(AriaRole.Row).Filter(new() { HasText = Written(online) })).ToContainTextAsync("online");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "O module: Wykluczenie cyfrowe dzieci i uczniów" })).ToBeVisibleAsync();
        var publicPage = await visitor.ContentAsync();
        Assert.DoesNotContain(cohortName, publicPage);
        Assert.DoesNotContain("Urząd Gminy Łagiewniki", publicPage);
        Assert.DoesNotContain("Anna Nowak", publicPage);
        Assert.DoesNotContain("M2.W1", publicPage);
        await Accessibility.AssertNoWcagViolationsAsync(visitor);

        // The operator cancels the on-site session from its page.
        await admin.GotoAsync(cohortPage);
        await admin.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Zmień termin lub odwołaj — M2") }).ClickAsync();
        await Assertions.Expect(admin.GetByText("uczestników grupy (3) i jej trenerów (1)")).ToBeVisibleAsync();
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GetByLabel("Powód odwołania").FillAsync("Sala jest w remoncie; nowy termin podamy wkrótce.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Odwołaj zajęcia i powiadom uczestników" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).Filter(new() { HasText = "Odwołano zajęcia" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("session-cancelled")).ToContainTextAsync("Sala jest w remoncie");
        await Accessibility.AssertNoWcagViolationsAsync(admin);
        await admin.GotoAsync(cohortPage);
        await Assertions.Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Wykluczenie cyfrowe" })).ToContainTextAsync("odwołane");
        await Accessibility.AssertNoWcagViolationsAsync(admin);

        // Each participant and the trainer get one notice of it.
        foreach (var address in applied.Emails.Append(PlatformFixture.AdminEmail))
        {
            await Eventually.GetAsync(() => Task.FromResult(Cancellations(address)), mails => mails.Count >= 1, TimeSpan.FromSeconds(60),
                $"the cancellation notice to {address}");
        }
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        var notice = Assert.Single(Cancellations(applied.Emails[0]));
        Assert.Contains("Powód: Sala jest w remoncie; nowy termin podamy wkrótce.", notice.TextBody);
        Assert.Single(Cancellations(PlatformFixture.AdminEmail));

        // The public programme no longer lists it.
        await visitor.GotoAsync("/szkolenia");
        await Assertions.Expect(visitor.GetByTestId("next-sessions")).ToContainTextAsync(Written(online));
        await Assertions.Expect(visitor.GetByTestId("next-sessions")).Not.ToContainTextAsync(Written(onSite));
        await Accessibility.AssertNoWcagViolationsAsync(visitor);
    }

    private IReadOnlyList<MimeKit.MimeMessage> Cancellations(string address) =>
        [.. platform.Mail.ReceivedBy(address).Where(m => m.Subject?.StartsWith("Odwołana sesja szkoleniowa", StringComparison.Ordinal) == true)];

    /// <summary>A Warsaw wall-clock time <paramref name="days"/> from now at <paramref name="hour"/>:00.</summary>
    private static DateTime Day(int days, int hour)
    {
        var today = PlatformTime.WarsawNow.Date;
        return today.AddDays(days).AddHours(hour);
    }

    /// <summary>The start as the public page writes it: "12 stycznia 2028, 09:00".</summary>
    private static string Written(DateTime at) => at.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("pl-PL"));

    private static async Task ScheduleAsync(IPage admin, string code, DateTime startsAt, bool online)
    {
        static string Local(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await admin.GetByLabel("Moduł", new() { Exact = true }).SelectOptionAsync(code);
        await admin.GetByLabel("Początek").FillAsync(Local(startsAt));
        await admin.GetByLabel("Koniec").FillAsync(Local(startsAt.AddHours(3)));
        if (online)
        {
            await admin.GetByLabel("online", new() { Exact = true }).CheckAsync();
            await admin.GetByLabel("Łącze do spotkania online").FillAsync("https://spotkania.example.pl/cro-m3");
        }
        else
        {
            await admin.GetByLabel("stacjonarna", new() { Exact = true }).CheckAsync();
            await admin.GetByLabel("Miejsce (adres, sala)").FillAsync("Urząd Gminy Łagiewniki, sala 3");
        }
        await admin.GetByLabel("Liczba miejsc").FillAsync("20");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Zaplanuj zajęcia" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync($"Zaplanowano zajęcia: {code}");
    }
}
