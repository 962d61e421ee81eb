namespace Cro.Training.Features.Validation;

/// <summary>
/// Scoring of an attempt: one point per question answered right, nothing for a wrong or missing answer.
/// A multiple-choice question is right only when exactly its right options are chosen (no partial credit:
/// ticking every option must not pay). The score is the share of points, per cent.
/// </summary>
public static class AttemptScoring
{
    public sealed record OutcomePoints(int Points, int MaxPoints);

    internal static bool IsRight(ShownQuestion question, IReadOnlyCollection<Guid> chosen) =>
        chosen.Count > 0 && question.Options.Where(o => o.IsCorrect).Select(o => o.Id).ToHashSet().SetEquals(chosen);

    internal static (int Points, int MaxPoints, Dictionary<string, OutcomePoints> ByOutcome) Score(IReadOnlyList<ShownQuestion> questions,
        IReadOnlyDictionary<Guid, Guid[]> answers)
    {
        var byOutcome = questions.GroupBy(q => q.OutcomeCode).ToDictionary(g => g.Key,
            g => new OutcomePoints(g.Count(q => IsRight(q, answers.GetValueOrDefault(q.Id) ?? [])), g.Count()));
        return (byOutcome.Values.Sum(o => o.Points), questions.Count, byOutcome);
    }

    /// <summary>Per cent, unrounded: the rules compare this, so 59.995 % does not pass a 60 % threshold by rounding.</summary>
    public static decimal Ratio(int points, int maxPoints) => maxPoints == 0 ? 0 : points * 100m / maxPoints;

    /// <summary>Per cent to two decimals, for showing.</summary>
    public static decimal Percent(int points, int maxPoints) => Math.Round(Ratio(points, maxPoints), 2, MidpointRounding.AwayFromZero);
}
