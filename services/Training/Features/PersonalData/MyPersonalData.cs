namespace Cro.Training.Features.PersonalData;

/// <summary>
/// GET /api/training/me/personal-data — what training holds about the signed-in person (RODO art. 15 and 20): their places
/// in JST teams (found by their account's address, in every JST and also after they left) with attendance and completed
/// modules, their certificates, the cohorts they train as a trainer, and whether they have a calendar feed.
/// </summary>
public static class MyPersonalData
{
    [OpenApiSchemaName("TrainingParticipationHeld")]
    public sealed record Participation(Guid ParticipantId, string JstTerc, string JstName, string? RoundName, string? CohortName, string FullName,
        string Email, string Position, string Sex, bool IsCoordinator, DateTimeOffset EnrolledAt, DateTimeOffset? LeftAt, int SessionsPresent,
        int SessionsAbsent, int SessionsExcused, IReadOnlyList<string> CompletedModules);

    /// <param name="ShowName">The holder consented to their name being shown by the public verification.</param>
    [OpenApiSchemaName("TrainingCertificateHeld")]
    public sealed record Certificate(string Number, string HolderName, string JstName, DateTimeOffset IssuedAt, bool ShowName, DateTimeOffset? RevokedAt);

    [OpenApiSchemaName("TrainingTrainerAssignmentHeld")]
    public sealed record TrainerAssignment(Guid CohortId, string CohortName, string FullName, string Email, DateTimeOffset AssignedAt);

    /// <param name="CalendarFeedSince">When the person's calendar feed was issued; none: they have none.</param>
    [OpenApiSchemaName("TrainingPersonalData")]
    public sealed record HeldData(Guid PersonId, IReadOnlyList<Participation> Participations, IReadOnlyList<Certificate> Certificates,
        IReadOnlyList<TrainerAssignment> TrainerAssignments, DateTimeOffset? CalendarFeedSince);

    public static RouteHandlerBuilder MapMyPersonalData(this IEndpointRouteBuilder app) => app.MapGroup("/api/training")
        .MapGet("/me/personal-data", HandleAsync)
        .WithName("MyTrainingPersonalData").WithTags("RODO")
        .WithSummary("Moje dane osobowe: szkolenia / My personal data: training")
        .Produces<HeldData>().ProducesProblem(StatusCodes.Status403Forbidden).RequireAuthorization(Policies.Person);

    private sealed record ParticipationRow(Guid ParticipantId, string JstTerc, string JstName, string? RoundName, string? CohortName, string FullName,
        string Email, string Position, string Sex, bool IsCoordinator, DateTimeOffset EnrolledAt, DateTimeOffset? LeftAt, long SessionsPresent,
        long SessionsAbsent, long SessionsExcused, string? CompletedModules);

    private static async Task<IResult> HandleAsync(HttpContext context, [RepeatableRead] DataSession session)
    {
        if (context.User.PersonId() is not { } personId)
        {
            return Problems.Forbidden("Token nie wskazuje osoby.", "The token names no person.");
        }
        var email = context.User.FindFirst(CroClaims.Email)?.Value?.Trim() ?? "";
        // The rows are the caller's own, whichever JST they were enrolled for (and whether they are still in the team).
        await session.ChangeScopeAsync(JstScope.All);
        var parameters = new { personId, email };
        var participations = await session.QueryAsync<ParticipationRow>("""
            SELECT p.id AS participant_id, p.jst_terc, t.jst_name, t.round_name, c.name AS cohort_name, p.full_name, p.email, p.position, p.sex,
                   p.is_coordinator, p.enrolled_at, p.left_at,
                   (SELECT count(*) FROM attendance a WHERE a.participant_id = p.id AND a.status = 'present') AS sessions_present,
                   (SELECT count(*) FROM attendance a WHERE a.participant_id = p.id AND a.status = 'absent') AS sessions_absent,
                   (SELECT count(*) FROM attendance a WHERE a.participant_id = p.id AND a.status = 'excused') AS sessions_excused,
                   (SELECT string_agg(m.module_code, ',' ORDER BY m.module_code) FROM module_completions m WHERE m.participant_id = p.id) AS completed_modules
            FROM participants p JOIN teams t ON t.application_id = p.application_id LEFT JOIN cohorts c ON c.id = t.cohort_id
            WHERE @email <> '' AND lower(p.email) = lower(@email)
            ORDER BY p.enrolled_at, p.id
            """, parameters);
        var certificates = await session.QueryAsync<Certificate>("""
            SELECT c.number, c.holder_name, c.jst_name, c.issued_at, c.show_name, c.revoked_at
            FROM certificates c JOIN participants p ON p.id = c.participant_id
            WHERE @email <> '' AND lower(p.email) = lower(@email)
            ORDER BY c.issued_at
            """, parameters);
        var assignments = await session.QueryAsync<TrainerAssignment>("""
            SELECT t.cohort_id, c.name AS cohort_name, t.full_name, t.email, t.assigned_at
            FROM cohort_trainers t JOIN cohorts c ON c.id = t.cohort_id
            WHERE t.user_id = @personId OR (@email <> '' AND lower(t.email) = lower(@email))
            ORDER BY t.assigned_at
            """, parameters);
        var feedSince = await session.QuerySingleOrDefaultAsync<DateTimeOffset?>("""
            SELECT max(created_at) FROM calendar_feeds WHERE user_id = @personId OR (@email <> '' AND lower(email) = lower(@email))
            """, parameters);
        return TypedResults.Ok(new HeldData(personId,
            [.. participations.Select(p => new Participation(p.ParticipantId, p.JstTerc, p.JstName, p.RoundName, p.CohortName, p.FullName, p.Email,
                p.Position, p.Sex, p.IsCoordinator, p.EnrolledAt, p.LeftAt, (int)p.SessionsPresent, (int)p.SessionsAbsent, (int)p.SessionsExcused,
                p.CompletedModules?.Split(',') ?? []))],
            [.. certificates], [.. assignments], feedSince));
    }
}
