using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Features.PersonalData;

/// <summary>
/// GET /api/recruitment/me/personal-data — the task teams the signed-in person was named in (by the
/// address of their account): which JST, round and application, and what the application says of them.
/// </summary>
public static class MyPersonalData
{
    /// <param name="ApplicationStatusLabel">The status in words, beside its code: the person reads this file.</param>
    /// <param name="SexLabel">The sex category in words, beside its code.</param>
    [OpenApiSchemaName("TeamMembership")]
    public sealed record Membership(Guid ApplicationId, string RoundName, string JstTerc, string JstName, string ApplicationStatus,
        string FullName, string Email, string Position, string? Phone, string Sex, bool IsCoordinator, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt)
    {
        public string ApplicationStatusLabel => ApplicationLabels.Status(ApplicationStatus);
        public string SexLabel => ApplicationLabels.Sex(Sex);
    }

    public static RouteHandlerBuilder MapMyPersonalData(this IEndpointRouteBuilder api) => api
        .MapGet("/me/personal-data", HandleAsync)
        .WithName("MyRecruitmentData")
        .WithTags("RODO")
        .WithSummary("Moje dane osobowe: zespoły zadaniowe / My personal data: task teams")
        .Produces<IReadOnlyList<Membership>>()
        .RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        var email = context.User.FindFirst(CroClaims.Email)?.Value;
        if (string.IsNullOrEmpty(email))
        {
            return TypedResults.Ok(Array.Empty<Membership>());
        }
        // The rows are the caller's own, whichever JST they were named for.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var rows = await session.QueryAsync<Membership>("""
            SELECT a.id AS application_id, r.name AS round_name, a.jst_terc, j.name AS jst_name, a.status AS application_status,
                   m.full_name, m.email, m.position, m.phone, m.sex, m.is_coordinator, m.joined_at, m.left_at
            FROM team_members m JOIN applications a ON a.id = m.application_id JOIN rounds r ON r.id = a.round_id JOIN jst j ON j.terc = a.jst_terc
            WHERE lower(m.email) = lower(@email)
            ORDER BY m.joined_at
            """, new { email });
        return TypedResults.Ok(rows.ToList());
    }
}
