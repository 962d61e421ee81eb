namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// POST /api/monitoring/questionnaires/{id}/links — the JST's team issues the school director a personal link to the
/// school's questionnaire (no account needed): the answer carries the token once; only its hash is kept. Issuing again
/// (to resend it) replaces the link before, which then answers 410. It works until the diagnosis stops collecting, or
/// to the end of <c>expiresOn</c> (a Warsaw day) when given. POST …/links/{linkId}/revoke — the team revokes it (410
/// from then on). With the director's e-mail address the link is mailed to the director (SchoolLinkMailRequested) and
/// reminders can follow; without it the team passes the link on itself. The token is derived from the link's id
/// (<see cref="LinkTokens"/>) when the mailing secret is set, random otherwise.
/// </summary>
public static class SchoolLinks
{
    /// <param name="ExpiresOn">The last day (Europe/Warsaw) the link works; without it, until the diagnosis stops collecting.</param>
    /// <param name="DirectorEmail">The director's address: when given, the link is mailed there (and reminders go there later).</param>
    [OpenApiSchemaName("SchoolLinkRequest")]
    public sealed record IssueLinkRequest(DateOnly? ExpiresOn, string? DirectorEmail = null);

    /// <param name="Token">The link's secret, shown only now.</param>
    /// <param name="Path">Where the director's form reads and saves the questionnaire (the API address of the link).</param>
    /// <param name="Replaced">Links of the school's questionnaire this one replaced (they answer 410 now).</param>
    [OpenApiSchemaName("SchoolLinkIssued")]
    public sealed record IssuedLink(Guid Id, Guid QuestionnaireId, string Token, string Path, DateTimeOffset? ExpiresAt, int Replaced);

    public static IEndpointRouteBuilder MapSchoolLinks(this IEndpointRouteBuilder api)
    {
        api.MapPost("/questionnaires/{id:guid}/links", IssueAsync)
            .WithName("IssueSchoolLink").WithSummary("Wydaj (lub wyślij ponownie) łącze dyrektora szkoły / Issue (or resend) the school director's link")
            .Produces<IssuedLink>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPost("/questionnaires/{id:guid}/links/{linkId:guid}/revoke", RevokeAsync)
            .WithName("RevokeSchoolLink").WithSummary("Unieważnij łącze dyrektora szkoły / Revoke the school director's link")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    private static async Task<IResult> IssueAsync(Guid id, IssueLinkRequest? request, HttpContext context, DataSession session, TimeProvider time,
        LinkTokens tokens, IConfiguration configuration)
    {
        var email = string.IsNullOrWhiteSpace(request?.DirectorEmail) ? null : request.DirectorEmail.Trim();
        if (email is not null && (email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            return Problems.Field("directorEmail", "Podaj poprawny adres e-mail dyrektora szkoły.", "Give the school director's valid e-mail address.");
        }
        var now = time.GetUtcNow();
        if (await TeamAccess.FindForTeamAsync(session, context.User, id) is not { } questionnaire)
        {
            return Questionnaires.NotFound();
        }
        if (questionnaire.SchoolId is null)
        {
            return Problems.Unprocessable("Łącze wydaje się do kwestionariusza szkoły; kwestionariusz zespołu JST wypełnia zespół.",
                "Links are issued for a school's questionnaire; the JST team's questionnaire is the team's to fill.");
        }
        if (questionnaire.CollectionClosedAt is not null)
        {
            return Questionnaires.Closed(questionnaire)!;
        }
        DateTimeOffset? expiresAt = request?.ExpiresOn is { } day ? WarsawTime.StartOf(day.AddDays(1)) : null;
        if (expiresAt <= now)
        {
            return Problems.Field("expiresOn", "Data ważności łącza musi być dzisiejsza albo późniejsza.", "The link's last day must be today or later.");
        }
        if (email is not null && !tokens.CanDerive)
        {
            return SchoolLinkMail.NotConfigured();
        }
        var link = Guid.CreateVersion7();
        var token = tokens.CanDerive ? tokens.Derive(link) : LinkTokens.NewRandom();
        var replaced = await session.ExecuteAsync("""
            UPDATE questionnaire_links SET revoked_at = @now, revoked_by = @by, revoked_how = 'replaced'
            WHERE questionnaire_id = @id AND revoked_at IS NULL;
            """, new { id, now = now.ToUniversalTime(), by = context.User.PersonId() });
        await session.ExecuteAsync("""
            INSERT INTO questionnaire_links (id, questionnaire_id, jst_terc, token_hash, issued_by, issued_at, expires_at, director_email)
            VALUES (@link, @id, @JstTerc, @hash, @by, @now, @expiresAt, @email)
            """, new { link, id, questionnaire.JstTerc, hash = LinkTokens.Hash(token), by = context.User.PersonId(), now = now.ToUniversalTime(), expiresAt = expiresAt?.ToUniversalTime(), email });
        if (email is not null)
        {
            await SchoolLinkMail.EnqueueAsync(session, configuration, context.Request, new SchoolLinkMail.MailedLink(questionnaire.DiagnosisId, id, link,
                questionnaire.JstTerc, questionnaire.SchoolName!, email, expiresAt), SchoolLinkMailOccasions.Issued, now);
        }
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/questionnaires/{id}/links/{link}",
            new IssuedLink(link, id, token, PublicQuestionnaire.PathOf(token), expiresAt, replaced));
    }

    private static async Task<IResult> RevokeAsync(Guid id, Guid linkId, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await TeamAccess.FindForTeamAsync(session, context.User, id) is null)
        {
            return Questionnaires.NotFound();
        }
        // Revoking a link revoked (or replaced) before changes nothing.
        var known = await session.ExecuteScalarAsync<bool>("""
            WITH revoked AS (
                UPDATE questionnaire_links SET revoked_at = @now, revoked_by = @by, revoked_how = 'revoked'
                WHERE id = @linkId AND questionnaire_id = @id AND revoked_at IS NULL)
            SELECT EXISTS (SELECT 1 FROM questionnaire_links WHERE id = @linkId AND questionnaire_id = @id)
            """, new { id, linkId, now = time.GetUtcNow().ToUniversalTime(), by = context.User.PersonId() });
        if (!known)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego łącza do tego kwestionariusza.", "There is no such link to this questionnaire.");
        }
        await session.CommitAsync();
        return TypedResults.NoContent();
    }
}
