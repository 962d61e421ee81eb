namespace Cro.Training.Tests;

/// <summary>
/// The training service in-process (see <see cref="ServiceUnderTest{TProgram}"/>). Material files are limited to
/// <see cref="MaxFileBytes"/> so the limit is cheap to cross.
/// </summary>
public sealed class TrainingService() : ServiceUnderTest<Program>("training")
{
    public const long MaxFileBytes = 100_000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Training:Materials:MaxFileBytes"] = MaxFileBytes.ToString(),
        // Attempts whose time ran out are finished within a second, as a test waits.
        ["Training:ExpiredAttempts:PollInterval"] = "00:00:01",
    };

    public HttpClient Trainer(string email, Guid? id = null) => ClientWith(Person(id ?? Guid.CreateVersion7(), email, ["trainer"]));

    /// <summary>A task-team member of <paramref name="jst"/> signed in with the address they were enrolled with.</summary>
    public HttpClient Member(string email, string jst) => ClientWith(Person(Guid.CreateVersion7(), email, ["jst-member"], jst));

    /// <summary>A person's token as identity issues it, with the address the training recognises people by.</summary>
    public static string Person(Guid id, string? email, IEnumerable<string> roles, string? jst = null) =>
        TestTokens.Person(id, roles, jst, email, name: "Osoba Testowa");
}
