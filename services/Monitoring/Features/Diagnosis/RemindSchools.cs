namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// POST /api/monitoring/diagnoses/{id}/reminders — the JST's team reminds the directors of schools that have not
/// submitted their questionnaire (and are not excused): each gets its working link mailed again (SchoolLinkMailRequested),
/// at most once a (Warsaw) day per school; each reminder is kept. The answer says, school by school, what happened: a
/// reminder sent, one sent already today, or none possible (no working link issued with the director's address).
/// Only while the diagnosis collects (409 otherwise).
/// </summary>
public static class RemindSchools
{
    /// <param name="Outcome"><see cref="ReminderOutcome"/>: sent, already-reminded-today, no-link-with-email.</param>
    [OpenApiSchemaName("DiagnosisSchoolReminder")]
    public sealed record Reminder(Guid QuestionnaireId, string SchoolName, string Outcome);

    [OpenApiSchemaName("DiagnosisSchoolReminders")]
    public sealed record RemindersView(Guid DiagnosisId, int Sent, IReadOnlyList<Reminder> Schools);

    private sealed record Collecting(DateTimeOffset? CollectionClosedAt);

    private sealed record Pending(Guid QuestionnaireId, string SchoolName, Guid? LinkId, string? DirectorEmail, DateTimeOffset? ExpiresAt, bool RemindedToday);

    public static RouteHandlerBuilder MapRemindSchools(this IEndpointRouteBuilder api) => api
        .MapPost("/diagnoses/{id:guid}/reminders", HandleAsync)
        .WithName("RemindDiagnosisSchools").WithSummary("Przypomnij szkołom, które nie przesłały kwestionariusza / Remind schools that have not submitted")
        .Produces<RemindersView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, DataSession session, TimeProvider time, LinkTokens tokens,
        IConfiguration configuration)
    {
        var terc = context.User.JstTerc();
        // Reminders of one diagnosis queue up on its row, so two members reminding at once send one a school.
        if (await session.QuerySingleOrDefaultAsync<Collecting>("SELECT collection_closed_at FROM diagnoses WHERE id = @id AND jst_terc = @terc FOR UPDATE",
                new { id, terc }) is not { } diagnosis)
        {
            return DiagnosisView.NotFound();
        }
        if (diagnosis.CollectionClosedAt is not null)
        {
            return Problems.Conflict("Zbieranie danych zakończone.", "Collection has ended.",
                "Zespół JST zakończył zbieranie danych w tej diagnozie; przypomnień już się nie wysyła.",
                "The JST's team has ended collection in this diagnosis; no more reminders are sent.");
        }
        if (!tokens.CanDerive)
        {
            return SchoolLinkMail.NotConfigured();
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(WarsawTime.InWarsaw(now).DateTime);
        var pending = await session.QueryAsync<Pending>($"""
            SELECT q.id AS questionnaire_id, q.school_name, l.id AS link_id, l.director_email, l.expires_at,
                   EXISTS (SELECT 1 FROM school_reminders r WHERE r.questionnaire_id = q.id AND r.day = @today) AS reminded_today
            FROM questionnaires q
            LEFT JOIN LATERAL (
                SELECT l.* FROM questionnaire_links l
                WHERE l.questionnaire_id = q.id AND l.revoked_at IS NULL AND (l.expires_at IS NULL OR l.expires_at > @now)
                ORDER BY l.issued_at DESC LIMIT 1) l ON true
            WHERE q.diagnosis_id = @id AND q.school_id IS NOT NULL AND q.status <> '{QuestionnaireStatus.Submitted}' AND q.excused_reason IS NULL
            ORDER BY q.school_name, q.id
            """, new { id, today, now = now.ToUniversalTime() });
        var reminders = new List<Reminder>();
        foreach (var school in pending)
        {
            var outcome = school switch
            {
                { LinkId: null } or { DirectorEmail: null } => ReminderOutcome.NoLinkWithEmail,
                { RemindedToday: true } => ReminderOutcome.AlreadyRemindedToday,
                _ => ReminderOutcome.Sent,
            };
            if (outcome == ReminderOutcome.Sent)
            {
                await session.ExecuteAsync("""
                    INSERT INTO school_reminders (id, questionnaire_id, jst_terc, link_id, day, sent_by, sent_at)
                    VALUES (@reminder, @QuestionnaireId, @terc, @LinkId, @today, @by, @now)
                    """, new { reminder = Guid.CreateVersion7(), school.QuestionnaireId, terc, school.LinkId, today, by = context.User.PersonId(),
                    now = now.ToUniversalTime() });
                await SchoolLinkMail.EnqueueAsync(session, configuration, context.Request, new SchoolLinkMail.MailedLink(id, school.QuestionnaireId,
                    school.LinkId!.Value, terc!, school.SchoolName, school.DirectorEmail!, school.ExpiresAt), SchoolLinkMailOccasions.Reminder, now);
            }
            reminders.Add(new Reminder(school.QuestionnaireId, school.SchoolName, outcome));
        }
        await session.CommitAsync();
        return TypedResults.Ok(new RemindersView(id, reminders.Count(r => r.Outcome == ReminderOutcome.Sent), reminders));
    }
}

public static class ReminderOutcome
{
    public const string Sent = "sent";
    public const string AlreadyRemindedToday = "already-reminded-today";
    public const string NoLinkWithEmail = "no-link-with-email";
}
