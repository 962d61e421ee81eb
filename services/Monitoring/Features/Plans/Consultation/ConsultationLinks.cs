namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// The ways into a consultation, for people without accounts. POST /api/monitoring/plans/{id}/consultation/public-link —
/// the team issues a new public link (to share on the JST's website, in schools' newsletters); it replaces the one
/// before, which answers 410 from then on; its token is in the answer only. POST …/consultation/invitations — the team
/// invites people by e-mail, a personal link each, mailed by notifications (ConsultationInvitationMailRequested, whose
/// token notifications derives, <see cref="LinkTokens"/>); inviting an address again replaces its link. POST
/// …/consultation/links/{linkId}/revoke — the team revokes a link (410 from then on). Links are issued while the
/// consultation is not closed (409), and every link stops working when it closes.
/// </summary>
public static class ConsultationLinks
{
    public const string Public = "public";
    public const string Personal = "personal";

    /// <summary>The web's consultation page (Web/Consultation/Public/ConsultationPage.razor) relative to the platform's public address, which a mailed link opens; the token follows.</summary>
    public const string PagePath = "konsultacje/";

    /// <summary>At most this many addresses in one invitation.</summary>
    public const int MaxInvitations = 100;

    /// <param name="Token">The link's secret, shown only now.</param>
    /// <param name="Path">Where the consultation is read and commented through the link (its API address).</param>
    [OpenApiSchemaName("IssuedConsultationLink")]
    public sealed record IssuedConsultationLink(Guid Id, string Token, string Path);

    [OpenApiSchemaName("ConsultationInvitationRequest")]
    public sealed record InvitationRequest([property: FieldLabel("Adresy e-mail zapraszanych osób", "Invited people's e-mail addresses")] IReadOnlyList<string> Emails);

    /// <param name="Replaced">Whether the address had a working link before, which this one replaces.</param>
    [OpenApiSchemaName("ConsultationInvitation")]
    public sealed record Invitation(Guid LinkId, string Email, bool Replaced);

    public sealed class InvitationValidator : AbstractValidator<InvitationRequest>
    {
        public InvitationValidator()
        {
            RuleFor(r => r.Emails).Must(e => e is { Count: > 0 and <= MaxInvitations })
                .WithMessage(_ => Text.Pick($"Podaj od 1 do {MaxInvitations} adresów e-mail.", $"Give 1 to {MaxInvitations} e-mail addresses."));
            RuleForEach(r => r.Emails).Must(e => MailAddressRule.IsDeliverable(e?.Trim())).WithMessage(_ => MailAddressRule.Message);
        }
    }

    public static IEndpointRouteBuilder MapConsultationLinks(this IEndpointRouteBuilder api)
    {
        api.MapPost("/plans/{id:guid}/consultation/public-link", ReissuePublicAsync)
            .WithName("IssueConsultationPublicLink").WithSummary("Wydaj nowe łącze publiczne konsultacji / Issue a new public link of the consultation")
            .Produces<IssuedConsultationLink>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPost("/plans/{id:guid}/consultation/invitations", InviteAsync)
            .WithName("InviteToConsultation").WithSummary("Zaproś do konsultacji pocztą elektroniczną / Invite to the consultation by e-mail")
            .Validate<InvitationRequest>().Produces<IReadOnlyList<Invitation>>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPost("/plans/{id:guid}/consultation/links/{linkId:guid}/revoke", RevokeAsync)
            .WithName("RevokeConsultationLink").WithSummary("Unieważnij łącze konsultacji / Revoke a link of the consultation")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    /// <summary>A new public link of the consultation, replacing any before; its token random (it is never mailed).</summary>
    public static async Task<IssuedConsultationLink> IssuePublicAsync(DataSession session, Guid consultationId, string terc, Guid? by, DateTimeOffset now)
    {
        var (id, token) = (Guid.CreateVersion7(), LinkTokens.NewRandom());
        await session.ExecuteAsync($"""
            UPDATE consultation_links SET revoked_at = @now, revoked_by = @by, revoked_how = 'replaced'
            WHERE consultation_id = @consultationId AND kind = '{Public}' AND revoked_at IS NULL;
            INSERT INTO consultation_links (id, consultation_id, jst_terc, kind, token_hash, issued_by, issued_at)
            VALUES (@id, @consultationId, @terc, '{Public}', @hash, @by, @now);
            """, new { id, consultationId, terc, hash = LinkTokens.Hash(token), by, now = now.ToUniversalTime() });
        return new IssuedConsultationLink(id, token, PublicConsultation.PathOf(token));
    }

    private static async Task<IResult> ReissuePublicAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await ConsultationRow.ForTeamAsync(session, context.User, id) is not { } consultation)
        {
            return ConsultationRow.NotFound();
        }
        if (consultation.StateAt(now) == ConsultationRow.Closed)
        {
            return consultation.ClosedConflict(now);
        }
        var link = await IssuePublicAsync(session, consultation.Id, consultation.JstTerc, context.User.PersonId(), now);
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/plans/{id}/consultation/links/{link.Id}", link);
    }

    private static async Task<IResult> InviteAsync(Guid id, InvitationRequest request, HttpContext context, DataSession session, TimeProvider time,
        LinkTokens tokens, IConfiguration configuration)
    {
        var now = time.GetUtcNow();
        if (await ConsultationRow.ForTeamAsync(session, context.User, id) is not { } consultation)
        {
            return ConsultationRow.NotFound();
        }
        if (consultation.StateAt(now) == ConsultationRow.Closed)
        {
            return consultation.ClosedConflict(now);
        }
        if (!tokens.CanDerive)
        {
            return Problems.Unprocessable(
                "Wysyłanie zaproszeń pocztą nie jest skonfigurowane (brak ustawienia SchoolLinks:Secret); przekaż zapraszanym łącze publiczne konsultacji.",
                "Mailing invitations is not configured (SchoolLinks:Secret is not set); give the people you invite the consultation's public link.");
        }
        var by = context.User.PersonId();
        var jstName = await session.ExecuteScalarAsync<string?>("SELECT name FROM jst WHERE terc = @JstTerc", new { consultation.JstTerc });
        var formUrl = new Uri(PublicAddress.Of(configuration, context.Request), PagePath);
        var invitations = new List<Invitation>();
        foreach (var email in request.Emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var linkId = Guid.CreateVersion7();
            var replaced = await session.ExecuteAsync($"""
                UPDATE consultation_links SET revoked_at = @now, revoked_by = @by, revoked_how = 'replaced'
                WHERE consultation_id = @Id AND kind = '{Personal}' AND lower(email) = lower(@email) AND revoked_at IS NULL
                """, new { consultation.Id, email, by, now = now.ToUniversalTime() });
            await session.ExecuteAsync($"""
                INSERT INTO consultation_links (id, consultation_id, jst_terc, kind, token_hash, email, issued_by, issued_at)
                VALUES (@linkId, @Id, @JstTerc, '{Personal}', @hash, @email, @by, @now)
                """, new { linkId, consultation.Id, consultation.JstTerc, hash = LinkTokens.Hash(tokens.Derive(linkId)), email, by, now = now.ToUniversalTime() });
            await session.EnqueueAsync(new ConsultationInvitationMailRequested
            {
                ConsultationId = consultation.Id, PlanId = id, LinkId = linkId, JstTerc = consultation.JstTerc, JstName = jstName, Email = email,
                FormUrl = formUrl, OpensOn = consultation.OpensOn, ClosesOn = consultation.ClosesOn, RequestedAt = now,
            });
            invitations.Add(new Invitation(linkId, email, replaced > 0));
        }
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/plans/{id}/consultation", invitations);
    }

    private static async Task<IResult> RevokeAsync(Guid id, Guid linkId, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await ConsultationRow.ForTeamAsync(session, context.User, id) is not { } consultation)
        {
            return ConsultationRow.NotFound();
        }
        // Revoking a link revoked (or replaced) before changes nothing.
        var known = await session.ExecuteScalarAsync<bool>("""
            WITH revoked AS (
                UPDATE consultation_links SET revoked_at = @now, revoked_by = @by, revoked_how = 'revoked'
                WHERE id = @linkId AND consultation_id = @Id AND revoked_at IS NULL)
            SELECT EXISTS (SELECT 1 FROM consultation_links WHERE id = @linkId AND consultation_id = @Id)
            """, new { consultation.Id, linkId, now = time.GetUtcNow().ToUniversalTime(), by = context.User.PersonId() });
        if (!known)
        {
            return ProblemDetailsDefaults.NotFound("Konsultacje nie mają takiego łącza.", "The consultation has no such link.");
        }
        await session.CommitAsync();
        return TypedResults.NoContent();
    }
}

