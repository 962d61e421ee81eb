namespace Cro.Evaluation.Features.PersonalData;

/// <summary>
/// GET /api/evaluation/me/personal-data — what evaluation holds about the signed-in person (RODO art. 15 and 20), found by
/// their account's address: the surveys they were invited to (whether answered, never what: answers name no one and
/// nothing leads from an invitation to an answer), the names the results are shown by (as a task-team member, a conference
/// participant, a trainer or an advisor), and the consultations of the programme's documents they were invited to.
/// </summary>
public static class MyPersonalData
{
    [OpenApiSchemaName("EvaluationSurveyInvitationHeld")]
    public sealed record SurveyInvitation(Guid InvitationId, string Survey, string Subject, string FullName, string Email, DateTimeOffset IssuedAt,
        DateTimeOffset ClosesAt, bool Answered, int RemindersSent);

    /// <param name="Kind">team-member, conference-participant, trainer or advisor.</param>
    [OpenApiSchemaName("EvaluationNameHeld")]
    public sealed record NameHeld(string Kind, string FullName, string Email);

    [OpenApiSchemaName("EvaluationConsultationInvitationHeld")]
    public sealed record ConsultationInvitation(Guid InvitationId, string Document, string Audience, string? Workshop, string Email,
        DateTimeOffset InvitedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

    [OpenApiSchemaName("EvaluationPersonalData")]
    public sealed record HeldData(Guid PersonId, IReadOnlyList<SurveyInvitation> SurveyInvitations, IReadOnlyList<NameHeld> Names,
        IReadOnlyList<ConsultationInvitation> ConsultationInvitations);

    public static RouteHandlerBuilder MapMyPersonalData(this IEndpointRouteBuilder app) => app.MapGroup("/api/evaluation")
        .MapGet("/me/personal-data", HandleAsync)
        .WithName("MyEvaluationPersonalData").WithTags("RODO")
        .WithSummary("Moje dane osobowe: ewaluacja / My personal data: evaluation")
        .Produces<HeldData>().ProducesProblem(StatusCodes.Status403Forbidden).RequireAuthorization(Policies.Person);

    private static async Task<IResult> HandleAsync(HttpContext context, [RepeatableRead] DataSession session)
    {
        if (context.User.PersonId() is not { } personId)
        {
            return Problems.Forbidden("Token nie wskazuje osoby.", "The token names no person.");
        }
        var email = context.User.FindFirst(CroClaims.Email)?.Value?.Trim() ?? "";
        if (email == "")
        {
            // Evaluation knows people only by their address.
            return TypedResults.Ok(new HeldData(personId, [], [], []));
        }
        var parameters = new { email };
        var surveys = await session.QueryAsync<SurveyInvitation>("""
            SELECT i.id AS invitation_id, t.title AS survey, i.subject, i.full_name, i.email, i.issued_at, i.closes_at, i.answered, i.reminders_sent
            FROM survey_invitations i JOIN survey_templates t ON t.id = i.template_id
            WHERE lower(i.email) = lower(@email)
            ORDER BY i.issued_at, i.id
            """, parameters);
        var names = await session.QueryAsync<NameHeld>("""
            SELECT 'team-member' AS kind, full_name, email FROM survey_team_people WHERE lower(email) = lower(@email)
            UNION ALL SELECT 'conference-participant', full_name, email FROM survey_conference_people WHERE lower(email) = lower(@email)
            UNION ALL SELECT 'trainer', full_name, email FROM survey_trainers WHERE lower(email) = lower(@email)
            UNION ALL SELECT 'advisor', full_name, email FROM survey_advisors WHERE lower(email) = lower(@email)
            """, parameters);
        var consultations = await session.QueryAsync<ConsultationInvitation>("""
            SELECT i.id AS invitation_id, d.title AS document, i.audience, i.workshop, i.email, i.invited_at, i.revoked_at, i.last_used_at
            FROM document_consultation_invitations i JOIN document_consultations c ON c.id = i.consultation_id JOIN documents d ON d.id = c.document_id
            WHERE lower(i.email) = lower(@email)
            ORDER BY i.invited_at, i.id
            """, parameters);
        return TypedResults.Ok(new HeldData(personId, [.. surveys], [.. names], [.. consultations]));
    }
}
