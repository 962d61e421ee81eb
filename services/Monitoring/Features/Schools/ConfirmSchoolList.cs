namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// POST /api/monitoring/jst/{terc}/schools/confirmation — the JST's team confirms its schools list as it stands now (the
/// extract's list is from 2022 and tied to the JST by the organ's name, so the team is the one to say it is right). Each
/// confirmation is kept with who and when; the latest is the list's standing one. Confirming again later (after changes)
/// is a new confirmation.
/// </summary>
public static class ConfirmSchoolList
{
    [OpenApiSchemaName("SchoolListConfirmation")]
    public sealed record Confirmation(Guid Id, string JstTerc, int ActiveSchools, Guid? ConfirmedBy, string ConfirmedByName, DateTimeOffset ConfirmedAt);

    private const string Select = """
        SELECT id, jst_terc, active_schools, confirmed_by, confirmed_by_name, confirmed_at FROM school_list_confirmations WHERE jst_terc = @terc
        """;

    public static RouteHandlerBuilder MapConfirmSchoolList(this IEndpointRouteBuilder api) => api
        .MapPost("/jst/{terc}/schools/confirmation", HandleAsync)
        .WithName("ConfirmSchoolList").WithSummary("Zespół potwierdza listę szkół JST / The team confirms the JST's schools list")
        .Produces<Confirmation>().ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.JstTeam);

    public static Task<Confirmation?> LatestAsync(DataSession session, string terc) =>
        session.QueryFirstOrDefaultAsync<Confirmation>(Select + " ORDER BY confirmed_at DESC, id DESC LIMIT 1", new { terc });

    public static async Task<IReadOnlyList<Confirmation>> AllAsync(DataSession session, string terc) =>
        [.. await session.QueryAsync<Confirmation>(Select + " ORDER BY confirmed_at DESC, id DESC", new { terc })];

    private static async Task<IResult> HandleAsync(string terc, HttpContext context, DataSession session, TimeProvider time)
    {
        if (!SchoolStore.Sees(session, terc))
        {
            return SchoolStore.JstNotFound();
        }
        var caller = Caller.From(context.User);
        // The JST's schools are locked while the list is counted, so a change committed meanwhile is either counted or after it.
        var confirmation = await session.QuerySingleAsync<Confirmation>("""
            INSERT INTO school_list_confirmations (id, jst_terc, active_schools, confirmed_by, confirmed_by_name, confirmed_at)
            SELECT @id, @terc, count(*) FILTER (WHERE status = 'active'), @by, @byName, @now
            FROM (SELECT status FROM schools WHERE jst_terc = @terc FOR SHARE) s
            RETURNING id, jst_terc, active_schools, confirmed_by, confirmed_by_name, confirmed_at
            """, new { id = Guid.CreateVersion7(), terc, by = caller.UserId, byName = caller.DisplayName, now = time.GetUtcNow().ToUniversalTime() });
        await session.CommitAsync();
        return TypedResults.Ok(confirmation);
    }
}
