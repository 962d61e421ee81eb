using System.Text.RegularExpressions;
using Cro.Identity.Features.Invitations;
using Dapper;
using Npgsql;

namespace Cro.Identity.Tests;

public sealed partial class PasswordResetTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reset_link_sets_a_new_password_once_and_the_old_one_stops_working()
    {
        var email = $"ewa.{Guid.NewGuid():N}@gniezno.test";
        var admin = await identity.AdminApiAsync(Ct);
        await admin.PostAsJsonAsync("/api/identity/invitations", new InviteUser.InviteUserRequest(email, "Ewa Lewandowska", "advisor", null), Ct);
        using (var scope = identity.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Data.User>>();
            await users.AddPasswordAsync((await users.FindByEmailAsync(email))!, "the old password, forgotten");
        }
        var browser = identity.Browser();

        var asked = await PostFormAsync(browser, "/konto/nie-pamietam-hasla", new() { ["Email"] = email });
        Assert.Contains("Jeśli konto z tym adresem istnieje", asked);
        var resetUrl = new Uri(await ResetUrlAsync(email)).PathAndQuery;

        var changed = await PostFormAsync(browser, resetUrl, new()
        {
            ["Password"] = "a brand new long password",
            ["Confirmation"] = "a brand new long password",
        });
        Assert.Contains("Hasło zostało zmienione.", changed);

        var withOld = await OidcFlows.PostLoginAsync(identity.Browser(), "/konto/logowanie", email, "the old password, forgotten", Ct);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        var withNew = await OidcFlows.PostLoginAsync(identity.Browser(), "/konto/logowanie", email, "a brand new long password", Ct);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.Contains("Łącze jest nieprawidłowe", await browser.GetStringAsync(resetUrl, Ct));
    }

    [Fact]
    public async Task Asking_for_an_unknown_address_answers_the_same_and_sends_nothing()
    {
        var email = $"nobody.{Guid.NewGuid():N}@nowhere.test";

        var answer = await PostFormAsync(identity.Browser(), "/konto/nie-pamietam-hasla", new() { ["Email"] = email });

        Assert.Contains("Jeśli konto z tym adresem istnieje", answer);
        await using var connection = new NpgsqlConnection(identity.Factory.Database.OwnerConnectionString);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'email' = @email", new { email }));
    }

    private async Task<string> ResetUrlAsync(string email)
    {
        await using var connection = new NpgsqlConnection(identity.Factory.Database.OwnerConnectionString);
        var payload = await connection.ExecuteScalarAsync<string>(
            "SELECT payload::text FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.PasswordResetRequested,%' AND payload->>'email' = @email",
            new { email });
        return JsonDocument.Parse(payload!).RootElement.GetProperty("resetUrl").GetString()!;
    }

    /// <summary>Opens a page, then submits its form with the given fields (plus its hidden ones).</summary>
    private static async Task<string> PostFormAsync(HttpClient browser, string url, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(url, Ct);
        foreach (var input in InputTag().Matches(page).Select(m => m.Value).Where(tag => tag.Contains("type=\"hidden\"")))
        {
            fields.TryAdd(Attribute("name", input), WebUtility.HtmlDecode(Attribute("value", input)));
        }
        var response = await browser.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static string Attribute(string name, string tag) => Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"").Groups[1].Value;

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputTag();
}
