namespace Cro.Recruitment.Features.Rounds;

/// <summary>The order in which applications win places: higher score first; on equal scores, earlier submission.</summary>
public static class Ranking
{
    public sealed record Entry(Guid ApplicationId, int Score, DateTimeOffset SubmittedAt);

    public static IReadOnlyList<Entry> Order(IEnumerable<Entry> entries) =>
        [.. entries.OrderByDescending(e => e.Score).ThenBy(e => e.SubmittedAt).ThenBy(e => e.ApplicationId)];
}
