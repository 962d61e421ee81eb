namespace Cro.Training.Features.Progress;

/// <summary>
/// The rules of the programme (thresholds are data of the cohort's programme version):
/// <list type="bullet">
/// <item>a module is validated when the best post-test score reaches the post-test threshold (exactly 60 % of 60 % passes);</item>
/// <item>competence is raised when the module is validated and that score is higher than the pre-test score; a pre-test
/// not taken counts as 0 %: the pre-test is the baseline, and someone who never showed what they knew before the module
/// starts from no evidence of competence, so a validated post-test is the whole gain (equal scores are no gain);</item>
/// <item>attendance is enough at the attendance threshold of the module's hours (present hours / module hours);</item>
/// <item>a module is complete with enough attendance and a validated post-test; the training when every module is.</item>
/// </list>
/// Scores are compared unrounded (per cent as an exact decimal ratio), so rounding never lifts a score over a threshold.
/// </summary>
public static class CompletionRule
{
    public static bool Validated(decimal? bestPostScore, decimal threshold) => bestPostScore is { } post && post >= threshold;

    public static bool Raised(bool validated, decimal? preScore, decimal? bestPostScore) =>
        validated && bestPostScore is { } post && post > (preScore ?? 0m);

    public static bool AttendanceMet(decimal attendedHours, decimal moduleHours, decimal threshold) => attendedHours * 100m >= threshold * moduleHours;
}
