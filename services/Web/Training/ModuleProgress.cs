using Cro.Web.Training.Api;

namespace Cro.Web.Training;

/// <summary>
/// One module as its participant's progress bars show it, from the service's standing and the cohort's rules:
/// attendance against the module's hours and the hours still needed, and the post-test against its threshold.
/// The service decides what is met; this only measures the bars and words what the numbers mean.
/// </summary>
public sealed record ModuleProgress(ModuleStanding Standing, double AttendanceThreshold, double PostTestThreshold)
{
    /// <summary>The attendance bar's value, per cent of the module's hours; present hours above them fill the bar and no more.</summary>
    public double AttendanceBar => Standing.ModuleHours <= 0 ? 0 : Math.Clamp(Standing.AttendedHours * 100.0 / Standing.ModuleHours, 0, 100);

    /// <summary>The present hours the module needs: the attendance threshold of its hours (80 % of 16 is 12.8).</summary>
    public double RequiredHours => Standing.ModuleHours * AttendanceThreshold / 100.0;

    public double MissingHours => Standing.AttendanceMet ? 0 : Math.Max(RequiredHours - Standing.AttendedHours, 0);

    /// <summary>The post-test bar's value: the best score, 0 before any attempt.</summary>
    public double PostTestBar => Math.Clamp(Standing.PostTestScore ?? 0, 0, 100);

    public int PostTestAttemptsLeft => Math.Max(TestKind.MaxAttempts(TestKind.Post) - Standing.PostTestAttempts, 0);

    public bool Started => Standing.AttendedHours > 0 || Standing.PreTestScore is not null || Standing.PostTestAttempts > 0;

    public string Status => Standing.Complete
        ? Text.Pick("ukończony", "complete")
        : Started ? Text.Pick("w trakcie", "in progress") : Text.Pick("nierozpoczęty", "not started");

    public string AttendanceText
    {
        get
        {
            var (attended, hours, required) = (TrainingLabels.Hours(Standing.AttendedHours), TrainingLabels.Hours(Standing.ModuleHours),
                TrainingLabels.Hours(RequiredHours));
            var threshold = TrainingLabels.Percent(AttendanceThreshold);
            return Standing.AttendanceMet
                ? Text.Pick($"{attended} z {hours} godz. — wymagana obecność ({threshold}, {required} godz.) osiągnięta.",
                    $"{attended} of {hours} hours — the required attendance ({threshold}, {required} hours) is reached.")
                : Text.Pick($"{attended} z {hours} godz. — do wymaganej obecności ({threshold}, {required} godz.) brakuje {TrainingLabels.Hours(MissingHours)} godz.",
                    $"{attended} of {hours} hours — {TrainingLabels.Hours(MissingHours)} hours short of the required attendance ({threshold}, {required} hours).");
        }
    }

    public string PostTestText
    {
        get
        {
            var threshold = TrainingLabels.Percent(PostTestThreshold);
            if (Standing.PostTestScore is not { } post)
            {
                return Text.Pick($"nie rozwiązano (próg zaliczenia {threshold})", $"not taken (pass mark {threshold})");
            }
            if (Standing.Validated)
            {
                return Text.Pick($"zaliczony: {TrainingLabels.Percent(post)} (próg {threshold})", $"passed: {TrainingLabels.Percent(post)} (pass mark {threshold})");
            }
            return PostTestAttemptsLeft > 0
                ? Text.Pick($"niezaliczony: {TrainingLabels.Percent(post)} (próg {threshold}); zostało podejść: {PostTestAttemptsLeft}",
                    $"not passed: {TrainingLabels.Percent(post)} (pass mark {threshold}); attempts left: {PostTestAttemptsLeft}")
                : Text.Pick($"niezaliczony: {TrainingLabels.Percent(post)} (próg {threshold}); nie ma już podejść",
                    $"not passed: {TrainingLabels.Percent(post)} (pass mark {threshold}); no attempts left");
        }
    }

    /// <summary>Whether competence rose, once the post-test is passed (the indicator the programme reports).</summary>
    public string? RaisedText => !Standing.Validated
        ? null
        : Standing.Raised
            ? Text.Pick("Kompetencje wzrosły: wynik post-testu jest wyższy niż pre-testu.", "Competence raised: the post-test score is higher than the pre-test's.")
            : Text.Pick("Wynik post-testu nie jest wyższy niż pre-testu, więc wzrostu kompetencji nie odnotowano.",
                "The post-test score is not higher than the pre-test's, so no rise in competence is recorded.");

    public static IReadOnlyList<ModuleProgress> Of(CohortRules rules, ParticipantStanding standing) =>
        [.. standing.Modules.Select(m => new ModuleProgress(m, rules.AttendanceThreshold, rules.PostTestThreshold))];
}
