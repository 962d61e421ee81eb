namespace Cro.Recruitment.Features.Rounds;

/// <summary>The order in which applications win places: higher score first; on equal scores, earlier submission.</summary>
public static class Ranking
{
    /// <summary>The ORDER BY of every ranked query (applications aliased <c>a</c>); the id only makes the order total.</summary>
    public const string OrderBy = "a.score DESC, a.submitted_at, a.id";
}
