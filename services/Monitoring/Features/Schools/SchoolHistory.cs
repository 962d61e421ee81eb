using System.Text.Json;

namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// GET /api/monitoring/jst/{terc}/schools/history — every change of the JST's schools register, newest first (optionally of
/// one school): what changed (added, corrected, closed, reopened, or updated from a newer extract), the school before and
/// after, the reason, who (the person's id and name, or the import) and when; and every confirmation of the list.
/// </summary>
public static class SchoolHistory
{
    /// <param name="Change">added, corrected, closed, reopened, or register-updated (the import, from a newer extract).</param>
    [OpenApiSchemaName("SchoolChange")]
    public sealed record Entry(Guid Id, Guid SchoolId, string Change, SchoolSnapshot? Before, SchoolSnapshot After, string? Reason, Guid? ChangedBy,
        string ChangedByName, DateTimeOffset ChangedAt);

    [OpenApiSchemaName("SchoolRegisterHistory")]
    public sealed record History(string JstTerc, IReadOnlyList<Entry> Changes, IReadOnlyList<ConfirmSchoolList.Confirmation> Confirmations);

    private sealed record ChangeRow(Guid Id, Guid SchoolId, string Change, string? Before, string After, string? Reason, Guid? ChangedBy,
        string ChangedByName, DateTimeOffset ChangedAt)
    {
        public Entry ToView() => new(Id, SchoolId, Change, Before is null ? null : Snapshot(Before), Snapshot(After)!, Reason, ChangedBy,
            ChangedByName, ChangedAt);

        private static SchoolSnapshot? Snapshot(string json) => JsonSerializer.Deserialize<SchoolSnapshot>(json, JsonSerializerOptions.Web);
    }

    public static RouteHandlerBuilder MapSchoolHistory(this IEndpointRouteBuilder api) => api
        .MapGet("/jst/{terc}/schools/history", HandleAsync)
        .WithName("SchoolRegisterHistory").WithSummary("Historia zmian listy szkół JST / The history of the JST's schools list")
        .Produces<History>().ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.AdvisoryParty);

    private static async Task<IResult> HandleAsync(string terc, Guid? schoolId, [RepeatableRead] DataSession session)
    {
        if (!SchoolStore.Sees(session, terc))
        {
            return SchoolStore.JstNotFound();
        }
        var changes = await session.QueryAsync<ChangeRow>("""
            SELECT id, school_id, change, before::text AS before, after::text AS after, reason, changed_by, changed_by_name, changed_at
            FROM school_changes WHERE jst_terc = @terc AND (@schoolId::uuid IS NULL OR school_id = @schoolId)
            ORDER BY changed_at DESC, id DESC
            """, new { terc, schoolId });
        return TypedResults.Ok(new History(terc, [.. changes.Select(c => c.ToView())], await ConfirmSchoolList.AllAsync(session, terc)));
    }
}
