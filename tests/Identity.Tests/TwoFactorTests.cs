using System.Text.RegularExpressions;

namespace Cro.Identity.Tests;

public sealed partial class TwoFactorTests(IdentityService identity) : IClassFixture<IdentityService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Authorize = "/connect/authorize?client_id=cro-web&response_type=code&redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc"
        + "&scope=openid&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrs&code_challenge_method=S256";

    [Fact]
    public async Task Administrator_password_alone_does_not_sign_in_and_a_wrong_code_is_refused()
    {
        var browser = identity.Browser();

        var afterPassword = await OidcFlows.PostLoginAsync(browser, "/konto/logowanie", IdentityService.AdminEmail, IdentityService.AdminPassword, Ct);
        var secondStep = afterPassword.Headers.Location!.ToString();
        var wrongCode = secondStep.StartsWith("/konto/logowanie/kod", StringComparison.Ordinal)
            ? await OidcFlows.PostFormAsync(browser, secondStep, secondStep, new() { ["Code"] = "000000" }, Ct)
            : await OidcFlows.PostFormAsync(browser, secondStep, "/konto/weryfikacja-dwuetapowa?handler=Enable", new() { ["Code"] = "000000" }, Ct);

        Assert.Matches("^/konto/(logowanie/kod|weryfikacja-dwuetapowa)", secondStep);
        Assert.Equal(HttpStatusCode.OK, wrongCode.StatusCode);
        Assert.Contains("role=\"alert\"", await wrongCode.Content.ReadAsStringAsync(Ct));
        var authorize = await browser.GetAsync(Authorize, Ct);
        Assert.StartsWith("/konto/logowanie?", authorize.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Administrator_signs_in_with_the_authenticator_code_and_can_not_turn_it_off()
    {
        await identity.SignInAsync(IdentityService.AdminEmail, IdentityService.AdminPassword, Ct);
        var browser = identity.Browser();
        var afterPassword = await OidcFlows.PostLoginAsync(browser, "/konto/logowanie", IdentityService.AdminEmail, IdentityService.AdminPassword, Ct);
        Assert.StartsWith("/konto/logowanie/kod", afterPassword.Headers.Location!.ToString());

        await identity.Authenticators.PassSecondFactorAsync(browser, IdentityService.AdminEmail, afterPassword.Headers.Location!.ToString(), Ct);
        var settings = await browser.GetStringAsync("/konto/weryfikacja-dwuetapowa", Ct);

        Assert.Contains("jest włączona", settings);
        Assert.DoesNotContain("handler=Disable", settings);
    }

    [Fact]
    public async Task Trainer_signs_in_with_the_password_alone_until_choosing_a_second_factor()
    {
        const string password = "trainer's own long passphrase";
        var (_, email) = await identity.CreatePersonAsync("Teresa Trenerka", "trainer", null, password, Ct);
        var browser = identity.Browser();
        var afterPassword = await OidcFlows.PostLoginAsync(browser, "/konto/logowanie?ReturnUrl=%2Fkonto%2Fweryfikacja-dwuetapowa", email, password, Ct);
        Assert.Equal("/konto/weryfikacja-dwuetapowa", afterPassword.Headers.Location!.ToString());

        // Optional set-up from the account page, then the next sign-in asks for the code.
        var setUp = await browser.GetStringAsync("/konto/weryfikacja-dwuetapowa", Ct);
        var key = WebUtility.HtmlDecode(KeyOnPage().Match(setUp).Groups[1].Value);
        var enabled = await OidcFlows.PostFormAsync(browser, "/konto/weryfikacja-dwuetapowa", "/konto/weryfikacja-dwuetapowa?handler=Enable",
            new() { ["Code"] = Authenticators.CodeForKey(key) }, Ct);
        var recoveryCodes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync(Ct)).Select(m => m.Groups[1].Value).ToList();
        var next = identity.Browser();
        var secondSignIn = await OidcFlows.PostLoginAsync(next, "/konto/logowanie", email, password, Ct);
        var withRecoveryCode = await OidcFlows.PostFormAsync(next, "/konto/logowanie/kod", "/konto/logowanie/kod", new() { ["Code"] = recoveryCodes[0] }, Ct);
        var third = identity.Browser();
        await OidcFlows.PostLoginAsync(third, "/konto/logowanie", email, password, Ct);
        var reusedCode = await OidcFlows.PostFormAsync(third, "/konto/logowanie/kod", "/konto/logowanie/kod", new() { ["Code"] = recoveryCodes[0] }, Ct);

        Assert.Equal(10, recoveryCodes.Count);
        Assert.StartsWith("/konto/logowanie/kod", secondSignIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, withRecoveryCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reusedCode.StatusCode);
        Assert.Contains("Nieprawidłowy kod", await reusedCode.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await identity.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE action = 'two-factor.enabled' AND subject_id = (SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"Email\" = @email)",
            new { email }));
    }

    [GeneratedRegex("id=\"authenticator-key\" class=\"key\">([^<]+)<")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
