using Cro.Identity.Features.Invitations;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Identity.Tests;

public sealed class InvitationApiTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invitation_creates_the_account_without_a_password_and_announces_the_link_through_the_outbox()
    {
        var admin = await identity.AdminApiAsync(Ct);
        var email = $"jan.nowak.{Guid.NewGuid():N}@sopot.test";

        var response = await admin.PostAsJsonAsync("/api/identity/invitations", new InviteUser.InviteUserRequest(email, "Jan Nowak", "jst-member", "2264011", "Sopot"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null(await identity.ScalarAsync<string?>("""SELECT "PasswordHash" FROM "AspNetUsers" WHERE "Email" = @email""", new { email }));
        var payload = JsonDocument.Parse(await identity.ScalarAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.InvitationIssued,%' AND payload->>'email' = @email",
            new { email })).RootElement;
        Assert.Equal("Jan Nowak", payload.GetProperty("fullName").GetString());
        Assert.Equal("2264011", payload.GetProperty("jstTerc").GetString());
        Assert.Equal("Sopot", payload.GetProperty("jstName").GetString());
        Assert.Equal("by-person", payload.GetProperty("occasion").GetString());
        Assert.StartsWith($"{IdentityService.Issuer}konto/zaproszenie?uzytkownik=", payload.GetProperty("acceptUrl").GetString());
    }

    [Theory]
    [InlineData("not-an-email", "Jan Nowak", "jst-member", "2264011", "email")]
    [InlineData("jan.nowak@sopot", "Jan Nowak", "jst-member", "2264011", "email")]
    [InlineData("jan@sopot.test", "", "jst-member", "2264011", "fullName")]
    [InlineData("jan@sopot.test", "Jan Nowak", "mayor", null, "role")]
    [InlineData("jan@sopot.test", "Jan Nowak", "jst-member", null, "jstTerc")]
    [InlineData("jan@sopot.test", "Jan Nowak", "trainer", "2264011", "jstTerc")]
    public async Task Invalid_invitation_is_400_naming_the_field_and_creates_nothing(string email, string name, string role, string? jst, string field)
    {
        var admin = await identity.AdminApiAsync(Ct);
        var usersBefore = await identity.ScalarAsync<long>("""SELECT count(*) FROM "AspNetUsers" """);

        var response = await admin.PostAsJsonAsync("/api/identity/invitations", new InviteUser.InviteUserRequest(email, name, role, jst), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(Ct);
        Assert.Contains(field, problem!.Errors.Keys);
        Assert.Equal(usersBefore, await identity.ScalarAsync<long>("""SELECT count(*) FROM "AspNetUsers" """));
    }

    [Fact]
    public async Task Second_invitation_for_the_same_address_is_a_conflict()
    {
        var admin = await identity.AdminApiAsync(Ct);
        var invitation = new InviteUser.InviteUserRequest($"anna.{Guid.NewGuid():N}@gdynia.test", "Anna Wiśniewska", "advisor", null);

        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/identity/invitations", invitation, Ct)).StatusCode);
        var second = await admin.PostAsJsonAsync("/api/identity/invitations", invitation, Ct);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var (_, email) = await identity.CreatePersonAsync("Piotr Zieliński", "trainer", null, "the right password, surely", Ct);

        var browser = identity.Browser();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await OidcFlows.PostLoginAsync(browser, "/konto/logowanie", email, "a wrong password " + attempt, Ct);
        }
        var locked = await OidcFlows.PostLoginAsync(browser, "/konto/logowanie", email, "the right password, surely", Ct);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("zablokowane na 15 minut", await locked.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Operator_invites_team_members_but_not_administrators()
    {
        var (_, email) = await identity.CreatePersonAsync("Olga Operatorka", "operator", null, "operator's long passphrase", Ct);
        var tokens = await identity.SignInAsync(email, "operator's long passphrase", Ct);
        var operatorApi = identity.Api(tokens.AccessToken);

        var admin = await operatorApi.PostAsJsonAsync("/api/identity/invitations",
            new InviteUser.InviteUserRequest($"{Guid.NewGuid():N}@ore.test", "Adam Nowy", "admin", null), Ct);
        var trainer = await operatorApi.PostAsJsonAsync("/api/identity/invitations",
            new InviteUser.InviteUserRequest($"{Guid.NewGuid():N}@ore.test", "Tomasz Trener", "trainer", null), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, trainer.StatusCode);
    }
}
