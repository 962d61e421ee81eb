using System.Security.Claims;
using System.Text.Json;

namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// A version of a JST's plan as stored; its content is the jsonb document of <see cref="PlanContent"/>. The resolution's
/// file name, size and upload moment describe the council resolution's PDF when the team uploaded one (null otherwise).
/// </summary>
public sealed record PlanVersionRow(Guid Id, Guid PlanId, string JstTerc, int Number, string Status, string Content, int Revision, string? AmendmentReason,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateOnly? AdoptedOn, string? ResolutionNumber, DateTimeOffset? AdoptedAt,
    string? ResolutionFileName, long? ResolutionSizeBytes, DateTimeOffset? ResolutionUploadedAt)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [ExplicitConstructor]
    private PlanVersionRow() : this(Guid.Empty, Guid.Empty, "", 0, "", "{}", 0, null, default, default, null, null, null, null, null, null)
    {
    }

    public PlanContent Document => JsonSerializer.Deserialize<PlanContent>(Content, Json) ?? PlanContent.Empty;

    /// <summary>The columns this record reads, from <c>plan_versions v</c> (and its resolution); a query adds its WHERE.</summary>
    internal const string Select = """
        SELECT v.id, v.plan_id, v.jst_terc, v.number, v.status, v.content::text AS content, v.revision, v.amendment_reason, v.created_at, v.updated_at,
               v.adopted_on, v.resolution_number, v.adopted_at,
               r.file_name AS resolution_file_name, r.size_bytes AS resolution_size_bytes, r.uploaded_at AS resolution_uploaded_at
        FROM plan_versions v LEFT JOIN plan_resolutions r ON r.version_id = v.id
        """;

    /// <summary>The plan's versions, oldest first, as far as the caller's scope sees the plan.</summary>
    public static async Task<IReadOnlyList<PlanVersionRow>> ListAsync(DataSession session, Guid planId) =>
        [.. await session.QueryAsync<PlanVersionRow>(Select + " WHERE v.plan_id = @planId ORDER BY v.number", new { planId })];

    /// <summary>The plan's latest version (the one being written, or the one in force), locked for a change when asked.</summary>
    public static Task<PlanVersionRow?> LatestAsync(DataSession session, Guid planId, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<PlanVersionRow?>(
            Select + " WHERE v.plan_id = @planId ORDER BY v.number DESC LIMIT 1" + (forUpdate ? " FOR UPDATE OF v" : ""), new { planId });

    /// <summary>
    /// The version in force on <paramref name="day"/>: the latest adopted on or before it (an amendment adopted later does
    /// not apply to it); before the first adoption's day, the first adopted version. Null while none is adopted.
    /// </summary>
    public static Task<PlanVersionRow?> InForceOnAsync(DataSession session, Guid planId, DateOnly day) =>
        session.QuerySingleOrDefaultAsync<PlanVersionRow?>(Select + """
             WHERE v.plan_id = @planId AND v.adopted_on IS NOT NULL
            ORDER BY (v.adopted_on <= @day) DESC, CASE WHEN v.adopted_on <= @day THEN -v.number ELSE v.number END
            LIMIT 1
            """, new { planId, day });

    /// <summary>The latest version of the caller's own JST's plan (the team's), locked; null when it is not theirs (a 404).</summary>
    public static Task<PlanVersionRow?> ForTeamAsync(DataSession session, ClaimsPrincipal user, Guid planId) =>
        session.QuerySingleOrDefaultAsync<PlanVersionRow?>(
            Select + " WHERE v.plan_id = @planId AND v.jst_terc = @terc ORDER BY v.number DESC LIMIT 1 FOR UPDATE OF v",
            new { planId, terc = user.JstTerc() });

    /// <summary>The version <paramref name="number"/> of the caller's own JST's plan (the team's), locked; null when there is none or it is not theirs (a 404).</summary>
    public static Task<PlanVersionRow?> ForTeamAsync(DataSession session, ClaimsPrincipal user, Guid planId, int number) =>
        session.QuerySingleOrDefaultAsync<PlanVersionRow?>(
            Select + " WHERE v.plan_id = @planId AND v.number = @number AND v.jst_terc = @terc FOR UPDATE OF v",
            new { planId, number, terc = user.JstTerc() });

    /// <summary>The council resolution's PDF, when the team uploaded one.</summary>
    public PlanResolutionFile? Resolution =>
        ResolutionFileName is { } name ? new PlanResolutionFile(name, ResolutionSizeBytes ?? 0, ResolutionUploadedAt ?? default) : null;

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiego planu.", "There is no such plan.");
}
