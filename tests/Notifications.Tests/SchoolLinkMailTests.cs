using System.Net.Http.Json;
using Cro.Notifications.Features.PersonalData;
using Microsoft.Extensions.Configuration;

namespace Cro.Notifications.Tests;

/// <summary>
/// A school director's diagnosis link, mailed when the JST's team issues it with the director's address and again as a
/// reminder: one mail per request even when the event comes twice, with the token derived from the link's id under the
/// shared secret (the event carries none); the director's export lists the mails without their bodies, and erasure by
/// the address empties them.
/// </summary>
public sealed class SchoolLinkMailTests
{
    private const string Secret = "test-school-link-secret-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SchoolLinkMailRequested Request(Guid linkId, string email, string occasion, DateTimeOffset? expiresAt = null) => new()
    {
        DiagnosisId = Guid.CreateVersion7(), QuestionnaireId = Guid.CreateVersion7(), LinkId = linkId, JstTerc = "9902011", JstName = "Gromadka",
        SchoolName = "Szkoła Podstawowa nr 1 w Gromadce", DirectorEmail = email, FormUrl = new Uri("https://cro.example.pl/diagnoza/ankieta/"),
        ExpiresAt = expiresAt, Occasion = occasion, RequestedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task The_link_and_a_reminder_each_reach_the_director_once_with_the_token_derived_from_the_link()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port, new Dictionary<string, string?> { ["SchoolLinks:Secret"] = Secret });
        var email = $"dyrektor-{Guid.NewGuid():N}@szkola.example.pl";
        var linkId = Guid.CreateVersion7();
        var token = new Cro.ServiceDefaults.Security.LinkTokens(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SchoolLinks:Secret"] = Secret }).Build()).Derive(linkId);
        var link = $"https://cro.example.pl/diagnoza/ankieta/{token}";

        await service.PublishTwiceAsync(Request(linkId, email, SchoolLinkMailOccasions.Issued, DateTimeOffset.Parse("2027-03-31T22:00:00Z")));
        await service.PublishTwiceAsync(Request(linkId, email, SchoolLinkMailOccasions.Reminder));

        var mails = await smtp.WaitForAsync(email, 2);
        Assert.Equal(["Kwestionariusz diagnozy szkoły — Szkoła Podstawowa nr 1 w Gromadce", "Przypomnienie: kwestionariusz diagnozy szkoły — Szkoła Podstawowa nr 1 w Gromadce"],
            mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
        foreach (var mail in mails)
        {
            foreach (var part in new[] { WebUtility.HtmlDecode(Assert.IsType<string>(mail.HtmlBody)), Assert.IsType<string>(mail.TextBody) })
            {
                Assert.Contains(link, part, StringComparison.Ordinal);
                Assert.Contains("Zespół zadaniowy JST Gromadka", part, StringComparison.Ordinal);
                Assert.Contains("bez zakładania konta", part, StringComparison.Ordinal);
            }
        }
        Assert.Contains("Link działa do 1 kwietnia 2027 r., 00:00", mails.Single(m => !m.Subject!.StartsWith("Przypomnienie", StringComparison.Ordinal)).TextBody,
            StringComparison.Ordinal);
        var stored = await Eventually.GetAsync(() => service.StoredMailToAsync(email), rows => rows.Count == 2 && rows.All(r => r.Status == "sent"),
            what: "both mails sent");
        Assert.Equal(["school-link", "school-link-reminder"], stored.Select(m => m.Kind).Order(StringComparer.Ordinal));
        Assert.All(stored, m => Assert.Null(m.UserId));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, smtp.Received.Count);

        // A director who later has an account sees the mails by the address, without the bodies that carry the link.
        using var client = service.CreateClient(TestTokens.Person(Guid.CreateVersion7(), ["jst-member"], jst: "9902011", email: email));
        var response = await client.GetAsync("/api/notifications/me/personal-data", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        var export = (await response.Content.ReadFromJsonAsync<MyPersonalData.MyPersonalDataResponse>(Ct))!;
        Assert.Equal(["school-link", "school-link-reminder"], export.Mails.Select(m => m.Kind).Order(StringComparer.Ordinal));

        await service.Bus.Publish(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = email }, Ct);
        await Eventually.GetAsync(() => service.StoredMailToAsync(email), rows => rows.Count == 0, what: "the address gone");
    }
}
