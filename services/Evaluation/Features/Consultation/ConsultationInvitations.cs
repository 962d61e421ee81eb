namespace Cro.Evaluation.Features.Consultation;

/// <summary>
/// POST /api/evaluation/consultations/{id}/invitations — ORE invites people by e-mail to comment on the consulted
/// version, each with a personal link mailed by notifications (DocumentConsultationInvitationMailRequested; the token is
/// derived from the link's id, <see cref="LinkTokens"/>): JST representatives (audience jst), the participants of a
/// workshop (audience workshop: ORE pastes the addresses of its list of participants and names the workshop), or the
/// partner association's people (audience partner; the association's API client comments and reviews with its own
/// token). Inviting an address again replaces its link. 409 once the consultation is closed; 422 when links cannot be
/// mailed (no SchoolLinks:Secret).
/// </summary>
public static class ConsultationInvitations
{
    /// <summary>The web's participant page (Web/Evaluation/Consultation/ConsultationParticipant.razor) relative to the public address; the token follows.</summary>
    public const string PagePath = "konsultacje-koncepcji/";

    public const int MaxInvitations = 200;

    public static readonly IReadOnlyDictionary<string, (string Pl, string En)> Audiences = new Dictionary<string, (string, string)>
    {
        ["jst"] = ("przedstawiciele JST", "JST representatives"),
        ["workshop"] = ("uczestnicy warsztatu", "a workshop's participants"),
        ["partner"] = ("stowarzyszenie partnerskie", "the partner association"),
    };

    /// <param name="Audience">jst, workshop or partner.</param>
    /// <param name="Workshop">The workshop whose participants these are (for audience workshop only).</param>
    [OpenApiSchemaName("DocumentConsultationInvitationRequest")]
    public sealed record InvitationRequest(
        [property: FieldLabel("Kogo zapraszasz", "Whom you invite")] string Audience,
        [property: FieldLabel("Warsztat", "Workshop")] string? Workshop,
        [property: FieldLabel("Adresy e-mail", "E-mail addresses")] IReadOnlyList<string> Emails);

    [OpenApiSchemaName("DocumentConsultationInvited")]
    public sealed record Invited(Guid LinkId, string Email, bool Replaced);

    public sealed class Validator : AbstractValidator<InvitationRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Audience).Must(a => a is not null && Audiences.ContainsKey(a))
                .WithMessage(_ => Text.Pick("Wybierz, kogo zapraszasz: jst, workshop (uczestników warsztatu) albo partner.",
                    "Choose whom you invite: jst, workshop (a workshop's participants) or partner."));
            RuleFor(r => r.Workshop).Must((r, w) => r.Audience != "workshop" ? string.IsNullOrWhiteSpace(w) : !string.IsNullOrWhiteSpace(w) && w.Length <= 200)
                .WithMessage(r => r.Audience == "workshop"
                    ? Text.Pick("Nazwij warsztat, którego uczestników zapraszasz (do 200 znaków).", "Name the workshop whose participants you invite (up to 200 characters).")
                    : Text.Pick("Warsztat podaje się tylko, zapraszając jego uczestników.", "A workshop is named only when inviting its participants."));
            RuleFor(r => r.Emails).Must(e => e is { Count: > 0 and <= MaxInvitations })
                .WithMessage(_ => Text.Pick($"Podaj od 1 do {MaxInvitations} adresów e-mail.", $"Give 1 to {MaxInvitations} e-mail addresses."));
            RuleForEach(r => r.Emails).Must(e => MailAddressRule.IsDeliverable(e?.Trim())).WithMessage(_ => MailAddressRule.Message);
        }
    }

    public static RouteHandlerBuilder MapConsultationInvitations(this IEndpointRouteBuilder api) => api
        .MapPost("/consultations/{id:guid}/invitations", InviteAsync)
        .WithName("InviteToDocumentConsultation").WithSummary("Zaproś do konsultacji pocztą elektroniczną / Invite to the consultation by e-mail")
        .Validate<InvitationRequest>().Produces<IReadOnlyList<Invited>>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> InviteAsync(Guid id, InvitationRequest request, HttpContext context, DataSession session, TimeProvider time,
        LinkTokens tokens, IConfiguration configuration)
    {
        var now = time.GetUtcNow();
        if (await ConsultationRow.FindAsync(session, id, forUpdate: true) is not { } consultation)
        {
            return ConsultationRow.NotFound();
        }
        if (consultation.StateAt(now) == ConsultationPeriod.Closed)
        {
            return Problems.Conflict("Konsultacje są zakończone.", "The consultation is closed.",
                "Do zakończonych konsultacji nikogo się już nie zaprasza.", "No one is invited to a closed consultation.");
        }
        if (!tokens.CanDerive)
        {
            return Problems.Unprocessable("Wysyłanie zaproszeń pocztą nie jest skonfigurowane (brak ustawienia SchoolLinks:Secret).",
                "Mailing invitations is not configured (SchoolLinks:Secret is not set).");
        }
        var by = context.User.PersonId();
        var workshop = request.Audience == "workshop" ? request.Workshop!.Trim() : null;
        var formUrl = new Uri(PublicAddress.Of(configuration, context.Request), PagePath);
        var invited = new List<Invited>();
        foreach (var email in request.Emails.Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var linkId = Guid.CreateVersion7();
            var replaced = await session.ExecuteAsync("""
                UPDATE document_consultation_invitations SET revoked_at = @now
                WHERE consultation_id = @id AND lower(email) = lower(@email) AND revoked_at IS NULL
                """, new { id, email, now = now.ToUniversalTime() });
            await session.ExecuteAsync("""
                INSERT INTO document_consultation_invitations (id, consultation_id, audience, workshop, email, token_hash, invited_by, invited_at)
                VALUES (@linkId, @id, @Audience, @workshop, @email, @hash, @by, @now)
                """, new { linkId, id, request.Audience, workshop, email, hash = LinkTokens.Hash(tokens.Derive(linkId)), by, now = now.ToUniversalTime() });
            await session.EnqueueAsync(new DocumentConsultationInvitationMailRequested
            {
                ConsultationId = id, DocumentId = consultation.DocumentId, LinkId = linkId, DocumentTitle = consultation.Title,
                DocumentKind = consultation.Kind, Version = consultation.Version, Audience = request.Audience, Workshop = workshop, Email = email,
                FormUrl = formUrl, OpensOn = consultation.OpensOn, ClosesOn = consultation.ClosesOn, RequestedAt = now,
            });
            invited.Add(new Invited(linkId, email, replaced > 0));
        }
        await session.CommitAsync();
        return TypedResults.Created($"/api/evaluation/consultations/{id}", invited);
    }
}
