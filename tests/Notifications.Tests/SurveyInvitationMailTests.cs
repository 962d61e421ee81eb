using Microsoft.Extensions.Configuration;

namespace Cro.Notifications.Tests;

/// <summary>
/// A survey's invitation and its reminder: one mail each even when the event comes twice, with the personal link's token
/// derived from the invitation's id under the shared secret (the event carries none), saying it is anonymous and until when
/// it is open; erasure by the address empties them.
/// </summary>
public sealed class SurveyInvitationMailTests
{
    private const string Secret = "test-school-link-secret-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_survey_and_its_reminder_reach_the_address_once_each_with_the_personal_link()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port, new Dictionary<string, string?> { ["SchoolLinks:Secret"] = Secret });
        var email = $"uczestniczka-{Guid.NewGuid():N}@gmina.example.pl";
        var invitationId = Guid.CreateVersion7();
        var token = new Cro.ServiceDefaults.Security.LinkTokens(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SchoolLinks:Secret"] = Secret }).Build()).Derive(invitationId);
        var issued = new SurveyInvitationMailRequested
        {
            InvitationId = invitationId, Email = email, FullName = "Anna Nowak", Occasion = "module-completed", SurveyTitle = "Ankieta po module szkolenia",
            Subject = "moduł M1: Przygotowanie diagnozy", FormUrl = new Uri("https://cro.example.pl/ankiety/"), ClosesOn = new DateOnly(2026, 12, 28),
            Kind = SurveyMailKinds.Issued, ReminderNumber = 0, RequestedAt = DateTimeOffset.UtcNow,
        };

        await service.PublishTwiceAsync(issued);
        await service.PublishTwiceAsync(issued with { Kind = SurveyMailKinds.Reminder, ReminderNumber = 1 });

        var mails = await smtp.WaitForAsync(email, 2);
        Assert.Equal(["Ankieta po module szkolenia — moduł M1: Przygotowanie diagnozy", "Przypomnienie: Ankieta po module szkolenia — moduł M1: Przygotowanie diagnozy"],
            mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
        foreach (var mail in mails)
        {
            foreach (var part in new[] { WebUtility.HtmlDecode(Assert.IsType<string>(mail.HtmlBody)), Assert.IsType<string>(mail.TextBody) })
            {
                Assert.Contains($"https://cro.example.pl/ankiety/{token}", part, StringComparison.Ordinal);
                Assert.Contains("do 28 grudnia 2026 r. włącznie", part, StringComparison.Ordinal);
                Assert.Contains("Ankieta jest anonimowa", part, StringComparison.Ordinal);
                Assert.Contains("Dzień dobry, Anna Nowak!", part, StringComparison.Ordinal);
            }
        }
        var stored = await Eventually.GetAsync(() => service.StoredMailToAsync(email), rows => rows.Count == 2 && rows.All(r => r.Status == "sent"), what: "both mails sent");
        Assert.Equal(["survey-invitation", "survey-reminder"], stored.Select(s => s.Kind).Order(StringComparer.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, smtp.Received.Count);

        await service.Bus.Publish(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = email }, Ct);
        await Eventually.GetAsync(() => service.StoredMailToAsync(email), rows => rows.Count == 0, what: "the address gone");
    }
}
