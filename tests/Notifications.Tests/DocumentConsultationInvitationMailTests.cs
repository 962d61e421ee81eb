using Microsoft.Extensions.Configuration;

namespace Cro.Notifications.Tests;

/// <summary>
/// An invitation to the consultation of a programme document's draft version, mailed when ORE invites an address: one mail
/// even when the event comes twice, with the personal link derived from the link's id under the shared secret, whom the
/// person is invited as and the period in Polish; erasure by the address empties it.
/// </summary>
public sealed class DocumentConsultationInvitationMailTests
{
    private const string Secret = "test-school-link-secret-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_workshop_participant_gets_the_invitation_once_with_the_personal_link_and_the_period()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port, new Dictionary<string, string?> { ["SchoolLinks:Secret"] = Secret });
        var email = $"uczestnik-{Guid.NewGuid():N}@gmina.example.pl";
        var linkId = Guid.CreateVersion7();
        var token = new Cro.ServiceDefaults.Security.LinkTokens(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SchoolLinks:Secret"] = Secret }).Build()).Derive(linkId);

        await service.PublishTwiceAsync(new DocumentConsultationInvitationMailRequested
        {
            ConsultationId = Guid.CreateVersion7(), DocumentId = Guid.CreateVersion7(), LinkId = linkId, DocumentTitle = "Koncepcja programu <CRO>",
            DocumentKind = "concept", Version = 2, Audience = "workshop", Workshop = "Warsztat w Lublinie", Email = email,
            FormUrl = new Uri("https://cro.example.pl/konsultacje-koncepcji/"), OpensOn = new DateOnly(2026, 11, 2), ClosesOn = new DateOnly(2026, 11, 30),
            RequestedAt = DateTimeOffset.UtcNow,
        });

        var mail = Assert.Single(await smtp.WaitForAsync(email, 1));
        Assert.Equal("Zaproszenie do konsultacji: Koncepcja programu <CRO> (wersja 2)", mail.Subject);
        Assert.DoesNotContain("<CRO>", Assert.IsType<string>(mail.HtmlBody), StringComparison.Ordinal);
        foreach (var part in new[] { WebUtility.HtmlDecode(Assert.IsType<string>(mail.HtmlBody)), Assert.IsType<string>(mail.TextBody) })
        {
            Assert.Contains($"https://cro.example.pl/konsultacje-koncepcji/{token}", part, StringComparison.Ordinal);
            Assert.Contains("od 2 listopada 2026 r. do 30 listopada 2026 r. włącznie", part, StringComparison.Ordinal);
            Assert.Contains("uczestnika warsztatu „Warsztat w Lublinie”", part, StringComparison.Ordinal);
        }
        var stored = await Eventually.GetAsync(() => service.StoredMailToAsync(email), rows => rows.Count == 1 && rows[0].Status == "sent", what: "the mail sent");
        Assert.Equal(("document-consultation-invitation", (Guid?)null), (stored[0].Kind, stored[0].UserId));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Single(smtp.Received);

        await service.Bus.Publish(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = email }, Ct);
        await Eventually.GetAsync(() => service.StoredMailToAsync(email), rows => rows.Count == 0, what: "the address gone");
    }
}
