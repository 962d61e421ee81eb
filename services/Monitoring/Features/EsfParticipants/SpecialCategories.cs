namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>A participant's latest special-category answers (yes, no, refused), as only the ESF+ data role reads them.</summary>
[OpenApiSchemaName("EsfSpecialCategories")]
public sealed record SpecialCategoryAnswers(Guid MemberId, string Disability, string ForeignOrigin, string ThirdCountryNational, string Minority,
    string Homelessness, DateTimeOffset RecordedAt)
{
    /// <summary>
    /// The latest answers of each person, by member id. Row-level security returns none unless the session's caller holds
    /// the ESF+ data role: anyone else reads an empty table, whatever the query.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, SpecialCategoryAnswers>> LatestAsync(DataSession session, Guid? memberId = null) =>
        (await session.QueryAsync<SpecialCategoryAnswers>("""
            SELECT DISTINCT ON (member_id) member_id, disability, foreign_origin, third_country_national, minority, homelessness, recorded_at
            FROM esf_special_categories
            WHERE @memberId::uuid IS NULL OR member_id = @memberId
            ORDER BY member_id, recorded_at DESC, id DESC
            """, new { memberId })).ToDictionary(a => a.MemberId);
}

/// <summary>
/// GET /api/monitoring/participants/{memberId}/special-categories — a participant's special-category answers, for ORE's
/// ESF+ data staff only (policy EsfData: no operator or administrator role implies it).
/// </summary>
public static class GetSpecialCategories
{
    public static RouteHandlerBuilder MapGetSpecialCategories(this IEndpointRouteBuilder api) => api
        .MapGet("/participants/{memberId:guid}/special-categories", HandleAsync)
        .WithName("GetEsfSpecialCategories")
        .WithSummary("Dane wrażliwe uczestnika (tylko rola danych EFS+) / A participant's special-category data (ESF+ data role only)")
        .Produces<SpecialCategoryAnswers>().ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.EsfData);

    private static async Task<IResult> HandleAsync(Guid memberId, DataSession session)
    {
        // The role reports every JST's participants: the JST scope does not narrow it (the role's own rule guards this table).
        await session.ChangeScopeAsync(JstScope.All);
        return (await SpecialCategoryAnswers.LatestAsync(session, memberId)).GetValueOrDefault(memberId) is { } answers
            ? TypedResults.Ok(answers)
            : ProblemDetailsDefaults.NotFound("Ten uczestnik nie podał jeszcze tych danych.", "This participant has not given these data yet.");
    }
}
