using System.Text.RegularExpressions;

namespace Cro.Identity.Tests;

/// <summary>The second step of sign-in over plain HTTP, with the tests' authenticator app.</summary>
public sealed partial class Authenticators
{
    private readonly AuthenticatorApp _app = new();

    public static string CodeForKey(string key) => AuthenticatorApp.CodeForKey(key);

    /// <summary>
    /// Continues a sign-in the password step redirected to <paramref name="location"/>: sets up the
    /// authenticator when the role requires one, enters its code when the account has one, and
    /// returns where the sign-in goes next.
    /// </summary>
    public async Task<string> PassSecondFactorAsync(HttpClient browser, string email, string location, CancellationToken ct)
    {
        if (location.StartsWith("/konto/weryfikacja-dwuetapowa", StringComparison.Ordinal))
        {
            var page = await browser.GetStringAsync(location, ct);
            var key = WebUtility.HtmlDecode(KeyOnPage().Match(page).Groups[1].Value);
            Assert.False(string.IsNullOrEmpty(key), "the set-up page shows the key");
            _app.Remember(email, key);
            var enabled = await OidcFlows.PostFormAsync(browser, location, "/konto/weryfikacja-dwuetapowa?handler=Enable",
                new() { ["Code"] = CodeForKey(key) }, ct);
            var done = await enabled.Content.ReadAsStringAsync(ct);
            Assert.True(enabled.StatusCode == HttpStatusCode.OK && done.Contains("recovery-codes"), done);
            return WebUtility.HtmlDecode(ContinueLink().Match(done).Groups[1].Value);
        }
        if (location.StartsWith("/konto/logowanie/kod", StringComparison.Ordinal))
        {
            var response = await OidcFlows.PostFormAsync(browser, location, location, new() { ["Code"] = _app.CodeFor(email) }, ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.Location!.ToString();
        }
        return location;
    }

    [GeneratedRegex("id=\"authenticator-key\" class=\"key\">([^<]+)<")]
    private static partial Regex KeyOnPage();

    [GeneratedRegex("<a class=\"button\" href=\"([^\"]+)\">")]
    private static partial Regex ContinueLink();
}
