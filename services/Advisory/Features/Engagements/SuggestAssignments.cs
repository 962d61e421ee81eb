namespace Cro.Advisory.Features.Engagements;

/// <summary>
/// GET /api/advisory/rounds/{roundId}/assignment-suggestion — for every accepted team of the round without an advisor,
/// the advisor the platform suggests: one with room left who prefers the team's województwo if any does, else the
/// least loaded (by share of their limit), so the load stays balanced as the list goes on. The operator reviews it and
/// sends it (or their changes) to the bulk assignment. Writes nothing.
/// </summary>
public static class SuggestAssignments
{
    public sealed record SuggestedAssignment(Guid ApplicationId, string JstTerc, string JstName, string VoivodeshipTerc, Guid? AdvisorId,
        string? AdvisorName, bool InPreferredRegion);

    private sealed record Waiting(Guid ApplicationId, string JstTerc, string JstName, string VoivodeshipTerc);

    // Properties: Dapper reads text[] as an Array, which no positional string[] parameter matches.
    private sealed class Candidate
    {
        public Guid Id { get; init; }
        public string FullName { get; init; } = "";
        public string[] Voivodeships { get; init; } = [];
        public int MaxEngagements { get; init; }
        public int OpenEngagements { get; init; }
    }

    public static IEndpointRouteBuilder MapSuggestAssignments(this IEndpointRouteBuilder api)
    {
        api.MapGet("/rounds/{roundId:guid}/assignment-suggestion", SuggestAsync)
            .WithName("SuggestAdvisorAssignments").WithSummary("Propozycja przydziału doradców JST naboru / Suggested advisors for a round's JST")
            .Produces<IReadOnlyList<SuggestedAssignment>>()
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> SuggestAsync(Guid roundId, DataSession session)
    {
        var waiting = await session.QueryAsync<Waiting>("""
            SELECT t.application_id, t.jst_terc, t.jst_name, t.voivodeship_terc FROM teams t
            WHERE t.round_id = @roundId AND t.withdrawn_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM engagements e WHERE e.application_id = t.application_id AND e.ended_at IS NULL)
            ORDER BY t.voivodeship_terc, t.jst_name, t.jst_terc
            """, new { roundId });
        var advisors = (await session.QueryAsync<Candidate>("""
            SELECT a.id, a.full_name, a.voivodeships, a.max_engagements,
                   (SELECT count(*)::int FROM engagements e WHERE e.advisor_id = a.id AND e.ended_at IS NULL) AS open_engagements
            FROM advisors a WHERE a.active ORDER BY a.full_name, a.id
            """)).ToList();
        return TypedResults.Ok(Suggest(waiting.ToList(), advisors));
    }

    /// <summary>
    /// Greedy and deterministic, in two passes: first every team that an advisor of its region (with room) can take goes
    /// to the least loaded of those; then the rest go to the least loaded advisor of all. Load is the share of an
    /// advisor's limit, counted anew after each choice.
    /// </summary>
    private static List<SuggestedAssignment> Suggest(IReadOnlyList<Waiting> waiting, List<Candidate> advisors)
    {
        var load = advisors.ToDictionary(a => a.Id, a => a.OpenEngagements);
        var chosen = new Dictionary<Guid, Candidate?>();
        Candidate? LeastLoaded(IEnumerable<Candidate> candidates) => candidates.Where(a => load[a.Id] < a.MaxEngagements)
            .OrderBy(a => (double)load[a.Id] / a.MaxEngagements).ThenBy(a => load[a.Id]).FirstOrDefault();
        void Choose(Waiting team, Candidate? advisor)
        {
            chosen[team.ApplicationId] = advisor;
            if (advisor is not null)
            {
                load[advisor.Id]++;
            }
        }
        foreach (var team in waiting)
        {
            if (LeastLoaded(advisors.Where(a => a.Voivodeships.Contains(team.VoivodeshipTerc))) is { } local)
            {
                Choose(team, local);
            }
        }
        foreach (var team in waiting.Where(t => !chosen.ContainsKey(t.ApplicationId)))
        {
            Choose(team, LeastLoaded(advisors));
        }
        SuggestedAssignment Suggested(Waiting team, Candidate? advisor) => new(team.ApplicationId, team.JstTerc, team.JstName, team.VoivodeshipTerc,
            advisor?.Id, advisor?.FullName, advisor?.Voivodeships.Contains(team.VoivodeshipTerc) == true);
        return [.. waiting.Select(team => Suggested(team, chosen[team.ApplicationId]))];
    }
}
