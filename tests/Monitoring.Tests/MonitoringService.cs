namespace Cro.Monitoring.Tests;

/// <summary>
/// The monitoring service in-process (see <see cref="ServiceUnderTest{TProgram}"/>). Its check of reports' deadlines runs
/// every 15 minutes, as in production: the tests that need it call it themselves, or start <see cref="DeadlineMonitoringService"/>.
/// </summary>
public class MonitoringService() : ServiceUnderTest<Program>("monitoring")
{
    /// <summary>The secret school links' tokens are derived with, shared with notifications (which mails the links).</summary>
    public const string SchoolLinkSecret = "test-school-link-secret-0123456789";

    /// <summary>Comments a consultation takes in an hour from one address, and through one invitation (lower than in production, to reach them).</summary>
    public const int CommentsPerAddressPerHour = 3;
    public const int CommentsPerInvitationPerHour = 2;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SchoolLinks:Secret"] = SchoolLinkSecret,
        ["Consultations:CommentsPerAddressPerHour"] = CommentsPerAddressPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Consultations:CommentsPerInvitationPerHour"] = CommentsPerInvitationPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A client without a token.</summary>
    public HttpClient Client => Anonymous;

    /// <summary>A partner API client allowed to read indicators.</summary>
    public HttpClient Partner() => ClientWith(TestTokens.Client("partner-indicators", "indicators.read"));

    /// <summary>
    /// Reads <paramref name="path"/> until <paramref name="done"/>, then once more a moment later: what the redeliveries
    /// left (a count they raised wrongly would show by then).
    /// </summary>
    public static async Task<T> SettledAsync<T>(HttpClient client, string path, Func<T, bool> done, string what, CancellationToken ct) where T : class
    {
        Task<T?> Read() => client.GetFromJsonAsync<T>(path, ct);
        await Eventually.GetAsync(Read, r => r is not null && done(r), what: what);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        return (await Read())!;
    }
}

/// <summary>The monitoring service whose check of reports' deadlines runs every second, as a test waits for it.</summary>
public sealed class DeadlineMonitoringService : MonitoringService
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Monitoring:Reports:Deadlines:PollInterval"] = "00:00:01" };
}
