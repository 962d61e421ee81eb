using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Cro.Notifications.Features.PersonalData;
using Cro.ServiceDefaults.Security;
using Microsoft.IdentityModel.Tokens;

namespace Cro.Notifications.Tests;

/// <summary>GET /api/notifications/me/personal-data: a person sees the mail kept about them, and only theirs.</summary>
public sealed class PersonalDataTests
{
    private const string Path = "/api/notifications/me/personal-data";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(string Body, MyPersonalData.MyPersonalDataResponse Data)> ExportAsync(NotificationsService service, Guid personId,
        string? email = null)
    {
        using var client = service.CreateClient(TestTokens.Person(personId, [Roles.JstCoordinator], jst: "2261011", email: email));
        using var response = await client.GetAsync(Path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        return (body, (await response.Content.ReadFromJsonAsync<MyPersonalData.MyPersonalDataResponse>(Ct))!);
    }

    [Fact]
    public async Task Person_gets_the_mails_sent_to_them_and_none_of_anyone_elses()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var invitation = Events.Invitation();
        var reset = Events.PasswordReset(invitation.UserId, invitation.Email);
        var someoneElse = Events.Invitation(fullName: "Jan Kowalski");
        await service.Bus.Publish(invitation, Ct);
        await service.Bus.Publish(reset, Ct);
        await service.Bus.Publish(someoneElse, Ct);
        await smtp.WaitForAsync(invitation.Email, count: 2);
        await smtp.WaitForAsync(someoneElse.Email);
        await Eventually.GetAsync(() => service.StoredMailAsync(invitation.UserId), rows => rows.All(r => r.Status == "sent"));

        var (body, data) = await ExportAsync(service, invitation.UserId);

        Assert.Equal(invitation.UserId, data.PersonId);
        Assert.Null(data.ErasedAt);
        Assert.Equal(["invitation", "password-reset"], data.Mails.Select(m => m.Kind).Order());
        Assert.All(data.Mails, mail =>
        {
            Assert.Equal(invitation.Email, mail.Recipient);
            Assert.Equal("sent", mail.Status);
            Assert.NotNull(mail.SentAt);
            Assert.True(mail.SentAt >= mail.CreatedAt);
            Assert.False(string.IsNullOrEmpty(mail.Subject));
        });
        Assert.DoesNotContain(someoneElse.Email, body);
        Assert.DoesNotContain(someoneElse.UserId.ToString(), body);
        // The bodies' single-use links stay out of the export.
        Assert.DoesNotContain(invitation.AcceptUrl.Query.TrimStart('?').Split('&')[0], body);
        Assert.DoesNotContain(reset.ResetUrl.Query.TrimStart('?'), body);

        // A person with no mail gets an empty list, not someone else's nor an error.
        var (_, nobody) = await ExportAsync(service, Guid.CreateVersion7());
        Assert.Empty(nobody.Mails);
    }

    [Fact]
    public async Task After_erasure_the_export_no_longer_holds_the_persons_address_or_subjects()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port,
            new Dictionary<string, string?> { ["Mail:SenderEnabled"] = "false" });
        var invitation = Events.Invitation();
        await service.Bus.Publish(invitation, Ct);
        await Eventually.GetAsync(() => service.StoredMailAsync(invitation.UserId), rows => rows.Count == 1, what: "the mail queued");
        var (before, _) = await ExportAsync(service, invitation.UserId);
        Assert.Contains(invitation.Email, before);

        var erasedAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        await service.Bus.Publish(new PersonErased { UserId = invitation.UserId, ErasedAt = erasedAt }, Ct);
        await Eventually.GetAsync(() => service.StoredMailAsync(invitation.UserId), rows => rows is [{ Status: "cancelled" }],
            what: "the mail cancelled");

        var (after, data) = await ExportAsync(service, invitation.UserId);
        Assert.DoesNotContain(invitation.Email, after, StringComparison.OrdinalIgnoreCase);
        var mail = Assert.Single(data.Mails);
        Assert.Equal(($"erased-{invitation.UserId}@invalid", "", "invitation", "cancelled"), (mail.Recipient, mail.Subject, mail.Kind, mail.Status));
        Assert.Equal(erasedAt, data.ErasedAt);
    }

    [Fact]
    public async Task A_team_member_finds_the_advisory_meetings_that_named_them_their_reminders_and_mail_and_nobody_elses()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var booked = MeetingEvents.Booked(MeetingEvents.DaysAhead(service.Clock.GetUtcNow(), 3));
        var anna = booked.Attendees.Single(a => a.FullName == "Anna Nowak");
        await service.Bus.Publish(booked, Ct);
        await smtp.WaitForAsync(anna.Email);

        var (body, data) = await ExportAsync(service, anna.MemberId!.Value, anna.Email);

        var meeting = Assert.Single(data.AdvisoryMeetings);
        Assert.Equal((booked.MeetingId, booked.Topic, "member", "booked"), (meeting.MeetingId, meeting.Topic, meeting.Role, meeting.Status));
        Assert.Equal(booked.StartsAt, meeting.StartsAt);
        Assert.Equal([60, 1440], data.AdvisoryReminders.Select(r => r.MinutesBefore).Order());
        Assert.All(data.AdvisoryReminders, r => Assert.Equal((booked.MeetingId, "pending"), (r.MeetingId, r.Status)));
        Assert.Equal("advisory-meeting-booked", Assert.Single(data.Mails).Kind);
        foreach (var other in booked.Attendees.Where(a => a != anna))
        {
            Assert.DoesNotContain(other.Email, body);
        }

        // Without an address in the token, nothing found by address can be anyone's.
        var (_, anonymousAddress) = await ExportAsync(service, anna.MemberId.Value);
        Assert.Empty(anonymousAddress.AdvisoryMeetings);
        Assert.Empty(anonymousAddress.AdvisoryReminders);
    }

    [Fact]
    public async Task Caller_without_a_valid_person_token_is_refused()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var personId = Guid.CreateVersion7();

        using var anonymous = service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Path, Ct)).StatusCode);

        // Signed with a key the service does not trust, and one past its lifetime: not a token at all.
        using var forged = service.CreateClient(TestTokens.Create(
            [new Claim(CroClaims.Subject, personId.ToString()), new Claim(CroClaims.PrincipalType, CroClaims.Person)],
            signingKey: new RsaSecurityKey(RSA.Create(2048))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(Path, Ct)).StatusCode);
        using var expired = service.CreateClient(TestTokens.Create(
            [new Claim(CroClaims.Subject, personId.ToString()), new Claim(CroClaims.PrincipalType, CroClaims.Person)],
            expires: DateTime.UtcNow.AddMinutes(-5)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync(Path, Ct)).StatusCode);
        // Signed with the trusted key, but issued by someone else, or meant for another audience.
        using var foreignIssuer = service.CreateClient(TestTokens.Create(
            [new Claim(CroClaims.Subject, personId.ToString()), new Claim(CroClaims.PrincipalType, CroClaims.Person)],
            issuer: "https://login.example.com/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await foreignIssuer.GetAsync(Path, Ct)).StatusCode);
        using var otherAudience = service.CreateClient(TestTokens.Create(
            [new Claim(CroClaims.Subject, personId.ToString()), new Claim(CroClaims.PrincipalType, CroClaims.Person)],
            audience: "some-other-api"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherAudience.GetAsync(Path, Ct)).StatusCode);

        // A partner client is not a person and has no mail here.
        using var partner = service.CreateClient(TestTokens.Client("partner", Scopes.RecruitmentRead));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(Path, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_endpoint_is_described_in_the_services_OpenAPI_document_for_the_gateways_reference()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        using var anonymous = service.CreateClient();

        var document = await anonymous.GetStringAsync("/api/notifications/openapi/v1.json", Ct);

        Assert.Contains(Path, document);
        Assert.Contains("CRO notifications API", document);
    }
}
