using Cro.Web.Training.Api;

namespace Cro.Web.Training;

/// <summary>
/// Whether a participant can start a module's test now, and what the page says about it: the pre-test is open until
/// the module's first session starts, the post-test once its last session has ended, one pre-test attempt and two
/// post-test attempts. The service enforces the same rules and has the last word (409 with its reason); this only
/// spares people a button that cannot work. The same button returns to an attempt in progress.
/// </summary>
public sealed record TestAvailability(string ModuleCode, string Kind, bool CanStart, string Note, Guid? AttemptInProgress = null)
{
    public static TestAvailability Pre(ModuleStanding standing, IReadOnlyList<SessionView> moduleSessions, DateTimeOffset now)
    {
        if (standing.PreTestScore is { } score)
        {
            return new(standing.ModuleCode, TestKind.Pre, false, Text.Pick($"Rozwiązany: {TrainingLabels.Percent(score)}.", $"Taken: {TrainingLabels.Percent(score)}."));
        }
        var first = moduleSessions.Count == 0 ? (DateTimeOffset?)null : moduleSessions.Min(s => s.StartsAt);
        return first switch
        {
            { } start when now >= start => new(standing.ModuleCode, TestKind.Pre, false, Text.Pick(
                $"Zamknięty: pre-test rozwiązuje się przed pierwszymi zajęciami modułu ({WarsawTime.Format(start)}).",
                $"Closed: the pre-test is taken before the module's first session ({WarsawTime.Format(start)}).")),
            { } start => new(standing.ModuleCode, TestKind.Pre, true, Text.Pick(
                $"Rozwiąż go przed pierwszymi zajęciami modułu, do {WarsawTime.Format(start)}. Można go rozwiązać raz.",
                $"Take it before the module's first session, by {WarsawTime.Format(start)}. It may be taken once.")),
            null => new(standing.ModuleCode, TestKind.Pre, true, Text.Pick(
                "Rozwiąż go przed pierwszymi zajęciami modułu (jeszcze niezaplanowanymi). Można go rozwiązać raz.",
                "Take it before the module's first session (not yet scheduled). It may be taken once.")),
        };
    }

    /// <summary>
    /// The module's bank has no questions yet: a test that could otherwise start is not offered (the service would answer
    /// "no questions yet"), and the page says it is not ready rather than showing a button that fails.
    /// </summary>
    public TestAvailability WithoutQuestions() => CanStart
        ? this with
        {
            CanStart = false,
            Note = Text.Pick("Jeszcze niedostępny: test tego modułu jest w przygotowaniu. Zajrzyj tu przed zajęciami modułu.",
                "Not available yet: this module's test is being prepared. Look here again before the module's sessions."),
        }
        : this;

    public static TestAvailability Post(ModuleStanding standing, IReadOnlyList<SessionView> moduleSessions, DateTimeOffset now)
    {
        var max = TestKind.MaxAttempts(TestKind.Post);
        if (standing.PostTestAttempts >= max)
        {
            return new(standing.ModuleCode, TestKind.Post, false, Text.Pick(
                $"Wykorzystano oba podejścia; liczy się lepszy wynik: {TrainingLabels.Percent(standing.PostTestScore)}.",
                $"Both attempts are used; the better score counts: {TrainingLabels.Percent(standing.PostTestScore)}."));
        }
        var last = moduleSessions.Count == 0 ? (DateTimeOffset?)null : moduleSessions.Max(s => s.EndsAt);
        if (last is not { } end || now < end)
        {
            return new(standing.ModuleCode, TestKind.Post, false, last is { } e
                ? Text.Pick($"Otworzy się po ostatnich zajęciach modułu, {WarsawTime.Format(e)}.", $"Opens after the module's last session, {WarsawTime.Format(e)}.")
                : Text.Pick("Otworzy się po ostatnich zajęciach modułu, których jeszcze nie zaplanowano.",
                    "Opens after the module's last session, which is not yet scheduled."));
        }
        return new(standing.ModuleCode, TestKind.Post, true, standing.PostTestAttempts == 0
            ? Text.Pick($"Otwarty. Masz {max} podejścia; liczy się lepszy wynik.", $"Open. You have {max} attempts; the better score counts.")
            : Text.Pick("Otwarte drugie, ostatnie podejście; liczy się lepszy wynik.", "The second and last attempt is open; the better score counts."));
    }
}
