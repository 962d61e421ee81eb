using Cro.Identity.Features.Invitations;
using Cro.Identity.Features.PersonalData;
using Cro.ServiceDefaults;

namespace Cro.Identity.Tests;

public sealed class InvitationAcceptanceTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> InvitationLinkAsync(string email)
    {
        var admin = await identity.AdminApiAsync(Ct);
        (await admin.PostAsJsonAsync("/api/identity/invitations", new InviteUser.InviteUserRequest(email, "Halina Nowicka", "jst-member", "1465011"), Ct))
            .EnsureSuccessStatusCode();
        var payload = JsonDocument.Parse(await identity.ScalarAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.InvitationIssued,%' AND payload->>'email' = @email",
            new { email })).RootElement;
        return new Uri(payload.GetProperty("acceptUrl").GetString()!).PathAndQuery;
    }

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient browser, string link, string password, bool clauseRead) =>
        OidcFlows.PostFormAsync(browser, link, link, new()
        {
            ["Password"] = password,
            ["Confirmation"] = password,
            ["ClauseRead"] = clauseRead ? "true" : "false",
        }, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("halinanowicka1")]
    public async Task A_common_or_personal_password_is_refused(string password)
    {
        var email = $"halina.{Guid.NewGuid():N}@jst.test";
        var link = await InvitationLinkAsync(email);

        var response = await AcceptAsync(identity.Browser(), link, password, clauseRead: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("To hasło łatwo odgadnąć", await response.Content.ReadAsStringAsync(Ct));
        Assert.Null(await identity.ScalarAsync<string?>("""SELECT "PasswordHash" FROM "AspNetUsers" WHERE "Email" = @email""", new { email }));
    }

    [Fact]
    public async Task Accepting_requires_the_information_clause_and_records_its_version_and_time()
    {
        var email = $"halina.{Guid.NewGuid():N}@jst.test";
        var link = await InvitationLinkAsync(email);
        var browser = identity.Browser();

        var withoutClause = await AcceptAsync(browser, link, "lipa kwitnie nad wartą", clauseRead: false);
        var accepted = await AcceptAsync(browser, link, "lipa kwitnie nad wartą", clauseRead: true);

        Assert.Contains("klauzulą informacyjną", await withoutClause.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(InformationClause.Version, await identity.ScalarAsync<string>(
            """SELECT c.version FROM consents c JOIN "AspNetUsers" u ON u."Id" = c.user_id WHERE u."Email" = @email AND c.kind = 'information-clause' AND c.granted""",
            new { email }));
        Assert.Contains("Wersja z", await identity.Browser().GetStringAsync("/konto/klauzula-informacyjna", Ct));
    }
}
