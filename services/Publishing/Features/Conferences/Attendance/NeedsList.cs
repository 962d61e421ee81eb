namespace Cro.Publishing.Features.Conferences.Attendance;

/// <summary>
/// GET /api/publishing/conferences/{id}/needs — what ORE prepares for: among the people holding a place (confirmed, and
/// those still to confirm or answer an offer, apart), how many need each thing (a sign-language interpreter, an induction
/// loop, step-free access, a diet, an assistant), the diets by kind, and each person's needs in their own words.
/// </summary>
public static class NeedsList
{
    /// <param name="Participants">People holding a place.</param>
    [OpenApiSchemaName("ConferenceNeeds")]
    public sealed record NeedsSummary(Guid ConferenceId, int Participants, int Confirmed, IReadOnlyList<NeedCount> Counts, IReadOnlyList<DietCount> Diets,
        IReadOnlyList<PersonNeeds> People);

    /// <param name="People">Holding a place and needing it.</param>
    /// <param name="Confirmed">Of them, with a confirmed place.</param>
    [OpenApiSchemaName("ConferenceNeedCount")]
    public sealed record NeedCount(string Code, string Label, int People, int Confirmed);

    [OpenApiSchemaName("ConferenceDietCount")]
    public sealed record DietCount(string Diet, int People);

    [OpenApiSchemaName("ConferencePersonNeeds")]
    public sealed record PersonNeeds(Guid RegistrationId, string FullName, string Status, IReadOnlyList<string> Needs, string? Diet, string? NeedsNote);

    private sealed record Counted(string Code, int People, int Confirmed);

    private sealed record PersonRow(Guid RegistrationId, string FullName, string Status, string[] Needs, string? Diet, string? NeedsNote)
    {
        // Dapper reads text[] as an Array, which no string[] constructor parameter matches: it sets the properties instead.
        [ExplicitConstructor]
        private PersonRow() : this(default, "", "", [], default, default)
        {
        }
    }

    public static IEndpointRouteBuilder MapNeedsList(this IEndpointRouteBuilder api)
    {
        api.MapGet("/conferences/{id:guid}/needs", HandleAsync)
            .WithName("ConferenceNeeds").WithSummary("Potrzeby uczestników do przygotowania / Participants' needs to prepare for")
            .Produces<NeedsSummary>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> HandleAsync(Guid id, [RepeatableRead] DataSession session)
    {
        if (await ConferenceRow.FindAsync(session, id, drafts: true) is null)
        {
            return ConferenceRow.NotFound();
        }
        using var rows = await session.QueryMultipleAsync("""
            SELECT count(*)::int, count(*) FILTER (WHERE status = 'confirmed')::int
            FROM conference_registrations WHERE conference_id = @id AND holds_place;

            SELECT need AS code, count(*)::int AS people, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed
            FROM conference_registrations CROSS JOIN LATERAL unnest(needs) AS need
            WHERE conference_id = @id AND holds_place
            GROUP BY need;

            SELECT lower(trim(diet)) AS diet, count(*)::int AS people
            FROM conference_registrations WHERE conference_id = @id AND holds_place AND diet IS NOT NULL
            GROUP BY 1 ORDER BY 2 DESC, 1;

            SELECT id AS registration_id, full_name, status, needs, diet, needs_note
            FROM conference_registrations
            WHERE conference_id = @id AND holds_place AND (cardinality(needs) > 0 OR diet IS NOT NULL OR needs_note IS NOT NULL)
            ORDER BY full_name COLLATE "pl-x-icu", id;
            """, new { id });
        var (participants, confirmed) = await rows.ReadSingleAsync<(int, int)>();
        var counted = (await rows.ReadAsync<Counted>()).ToDictionary(c => c.Code);
        var diets = (await rows.ReadAsync<DietCount>()).ToList();
        var people = (await rows.ReadAsync<PersonRow>())
            .Select(p => new PersonNeeds(p.RegistrationId, p.FullName, p.Status, p.Needs, p.Diet, p.NeedsNote)).ToList();
        return TypedResults.Ok(new NeedsSummary(id, participants, confirmed,
            [.. AccessibilityNeeds.Codes.Select(code => new NeedCount(code, AccessibilityNeeds.Label(code), counted.GetValueOrDefault(code)?.People ?? 0,
                counted.GetValueOrDefault(code)?.Confirmed ?? 0))],
            diets, people));
    }
}
