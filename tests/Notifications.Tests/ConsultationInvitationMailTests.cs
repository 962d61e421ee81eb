using Microsoft.Extensions.Configuration;

namespace Cro.Notifications.Tests;

/// <summary>
/// An invitation to a plan's consultation, mailed when the JST's team invites an address: one mail even when the event
/// comes twice, with the personal link's token derived from the link's id under the shared secret (the event carries
/// none), the period in Polish; erasure by the address empties it.
/// </summary>
public sealed class ConsultationInvitationMailTests
{
    private const string Secret = "test-school-link-secret-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_invitation_reaches_the_address_once_with_its_personal_link_and_the_period()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port, new Dictionary<string, string?> { ["SchoolLinks:Secret"] = Secret });
        var email = $"rada-rodzicow-{Guid.NewGuid():N}@szkola.example.pl";
        var linkId = Guid.CreateVersion7();
        var token = new Cro.ServiceDefaults.Security.LinkTokens(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SchoolLinks:Secret"] = Secret }).Build()).Derive(linkId);

        await service.PublishTwiceAsync(new ConsultationInvitationMailRequested
        {
            ConsultationId = Guid.CreateVersion7(), PlanId = Guid.CreateVersion7(), LinkId = linkId, JstTerc = "9902011", JstName = "Gromadka", Email = email,
            FormUrl = new Uri("https://cro.example.pl/konsultacje/"), OpensOn = new DateOnly(2026, 11, 2), ClosesOn = new DateOnly(2026, 11, 30),
            RequestedAt = DateTimeOffset.UtcNow,
        });

        var mail = Assert.Single(await smtp.WaitForAsync(email, 1));
        Assert.Equal("Zaproszenie do konsultacji planu cyfryzacji szkół — JST Gromadka", mail.Subject);
        foreach (var part in new[] { WebUtility.HtmlDecode(Assert.IsType<string>(mail.HtmlBody)), Assert.IsType<string>(mail.TextBody) })
        {
            Assert.Contains($"https://cro.example.pl/konsultacje/{token}", part, StringComparison.Ordinal);
            Assert.Contains("od 2 listopada 2026 r. do 30 listopada 2026 r. włącznie", part, StringComparison.Ordinal);
            Assert.Contains("bez zakładania konta", part, StringComparison.Ordinal);
        }
        var stored = await Eventually.GetAsync(() => service.StoredMailToAsync(email), rows => rows.Count == 1 && rows[0].Status == "sent", what: "the mail sent");
        Assert.Equal(("consultation-invitation", (Guid?)null), (stored[0].Kind, stored[0].UserId));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Single(smtp.Received);

        await service.Bus.Publish(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = email }, Ct);
        await Eventually.GetAsync(() => service.StoredMailToAsync(email), rows => rows.Count == 0, what: "the address gone");
    }
}
