namespace Cro.Identity.Tests;

/// <summary>The identity's OpenAPI document, read as a partner reads it and held against the service's real answers.</summary>
public sealed class OpenApiDocumentTests(IdentityService identity) : OpenApiDocumentFacts("identity"), IClassFixture<IdentityService>
{
    protected override HttpClient Anonymous => identity.Factory.CreateClient();

    [Fact]
    public async Task Answers_to_an_administrator_a_person_and_anyone_are_as_documented()
    {
        var document = await DocumentAsync();
        const string password = "a long enough passphrase for a test";
        var (memberId, memberEmail) = await identity.CreatePersonAsync("Ola Członkini", "jst-member", "1465011", password, Ct);
        var admin = await identity.AdminApiAsync(Ct);
        (await admin.PostAsJsonAsync("/api/identity/clients", new { displayName = "Związek Testowy", scopes = new[] { "recruitment.read" } }, Ct))
            .EnsureSuccessStatusCode();
        var member = identity.Api((await identity.SignInAsync(memberEmail, password, Ct)).AccessToken);
        (await member.PostAsJsonAsync("/api/identity/me/erasure-request", new { reason = "Test" }, Ct)).EnsureSuccessStatusCode();
        string[] known = [$"/api/identity/users/{memberId}", "/api/identity/users?q=Ola&limit=5", "/api/identity/audit?limit=5", "/api/identity/audit/export"];

        var byAdmin = await document.AssertAnswersAsync(admin, [.. document.PathsWithoutParameters(), .. known, .. document.PathsForNothing()], Ct);
        var byMember = await document.AssertAnswersAsync(member, [.. document.PathsWithoutParameters(), .. known], Ct);
        await document.AssertAnswersAsync(identity.Factory.CreateClient(), [.. document.PathsWithoutParameters(), .. known], Ct);

        Assert.All([.. known, "/api/identity/clients", "/api/identity/users", "/api/identity/erasure-requests", "/api/identity/me/personal-data"],
            path => Assert.Equal(200, byAdmin[path]));
        Assert.Equal(200, byMember["/api/identity/me/personal-data"]);
    }
}
