namespace Cro.Evaluation.Features.Consultation;

/// <summary>
/// A consultation through a personal link, without an account. GET /api/evaluation/public/document-consultations/{token}
/// — the consulted version by sections, the period, and the comments left through this link. POST …/comments — a
/// comment on one section of that version (400 for a section the version does not have; up to <see cref="MaxText"/>
/// characters). A token that names no link is 404, a link replaced 410, a consultation closed (by ORE or past its last
/// day) 410, before its first day 409. Nothing is written on any refusal. Comments are also taken from the partner's
/// API client (<see cref="PartnerConsultation"/>).
/// </summary>
public static class ParticipantConsultation
{
    public const int MaxText = 4000;
    public const long MaxBodyBytes = 64 * 1024;

    /// <param name="Section">The slug of the section of the consulted version the comment is about.</param>
    [OpenApiSchemaName("DocumentCommentRequest")]
    public sealed record CommentRequest(
        [property: FieldLabel("Sekcja", "Section")] string Section,
        [property: FieldLabel("Uwaga", "Comment")] string Text);

    [OpenApiSchemaName("DocumentCommentReceipt")]
    public sealed record CommentReceipt(Guid Id, string SectionSlug, DateTimeOffset CreatedAt, DateOnly ClosesOn);

    [OpenApiSchemaName("OwnDocumentComment")]
    public sealed record OwnComment(Guid Id, string SectionSlug, string Text, DateTimeOffset CreatedAt);

    /// <param name="State">scheduled (comments from <paramref name="OpensOn"/>) or open.</param>
    /// <param name="Audience">Whom the link's holder was invited as: jst, workshop or partner.</param>
    /// <param name="Comments">The comments left through this link.</param>
    [OpenApiSchemaName("ParticipantDocumentConsultation")]
    public sealed record ParticipantView(string DocumentTitle, string DocumentKind, int Version, DateOnly OpensOn, DateOnly ClosesOn, string State,
        string Audience, string? Workshop, IReadOnlyList<SectionView> Sections, IReadOnlyList<OwnComment> Comments);

    public sealed class Validator : AbstractValidator<CommentRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Section).NotEmpty().MaximumLength(100)
                .WithMessage(_ => Text.Pick("Wybierz sekcję, której dotyczy uwaga.", "Choose the section the comment is about."));
            RuleFor(r => r.Text).RequiredText(MaxText)
                .WithMessage(_ => Text.Pick($"Napisz uwagę (do {MaxText} znaków).", $"Write the comment (up to {MaxText} characters)."));
        }
    }

    private sealed class LinkRow
    {
        public Guid Id { get; init; }
        public Guid ConsultationId { get; init; }
        public string Audience { get; init; } = "";
        public string? Workshop { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
    }

    public static IEndpointRouteBuilder MapParticipantConsultation(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/document-consultations/{token}", GetAsync)
            .WithName("GetParticipantDocumentConsultation").WithSummary("Projekt wersji w konsultacjach, z łącza / The draft version in consultation, through a link")
            .Produces<ParticipantView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        api.MapPost("/public/document-consultations/{token}/comments", CommentAsync)
            .WithName("CommentDocumentInConsultation").WithSummary("Zgłoś uwagę do sekcji / Comment on a section")
            .WithMetadata(new BodySizeLimit(MaxBodyBytes))
            .Validate<CommentRequest>().Produces<CommentReceipt>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> GetAsync(string token, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var (consultation, link, refusal) = await FindAsync(session, token, now, forUpdate: false);
        if (refusal is not null)
        {
            return refusal;
        }
        var own = await session.QueryAsync<OwnCommentRow>(
            "SELECT id, section_slug, text, created_at FROM document_comments WHERE invitation_id = @Id ORDER BY created_at, id", new { link!.Id });
        return TypedResults.Ok(new ParticipantView(consultation!.Title, consultation.Kind, consultation.Version, consultation.OpensOn, consultation.ClosesOn,
            consultation.StateAt(now), link.Audience, link.Workshop, SectionView.Of(consultation.Markdown),
            [.. own.Select(c => new OwnComment(c.Id, c.SectionSlug, c.Text, c.CreatedAt))]));
    }

    private static async Task<IResult> CommentAsync(string token, CommentRequest request, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        // Locked: comments queue up behind the consultation's closing, so none comes in after it closed.
        var (consultation, link, refusal) = await FindAsync(session, token, now, forUpdate: true);
        if (refusal is not null)
        {
            return refusal;
        }
        if (await AddAsync(session, consultation!, link!.Id, partnerClient: null, request, now) is not { } receipt)
        {
            return UnknownSection(consultation!);
        }
        await session.ExecuteAsync("UPDATE document_consultation_invitations SET last_used_at = @now WHERE id = @Id",
            new { link.Id, now = now.ToUniversalTime() });
        await session.CommitAsync();
        return TypedResults.Created($"/api/evaluation/public/document-consultations/{token}", receipt);
    }

    /// <summary>Writes the comment; null when the consulted version has no such section. The consultation must be open (and locked).</summary>
    public static async Task<CommentReceipt?> AddAsync(DataSession session, ConsultationRow consultation, Guid? invitationId, string? partnerClient,
        CommentRequest request, DateTimeOffset now)
    {
        var section = request.Section.Trim();
        if (!consultation.HasSection(section))
        {
            return null;
        }
        var receipt = new CommentReceipt(Guid.CreateVersion7(), section, now, consultation.ClosesOn);
        await session.ExecuteAsync("""
            INSERT INTO document_comments (id, consultation_id, invitation_id, partner_client, section_slug, text, created_at)
            VALUES (@Id, @consultationId, @invitationId, @partnerClient, @section, @text, @now)
            """, new { receipt.Id, consultationId = consultation.Id, invitationId, partnerClient, section, text = request.Text.Trim(), now = now.ToUniversalTime() });
        return receipt;
    }

    public static IResult UnknownSection(ConsultationRow consultation) =>
        Problems.Field("section", $"Wersja {consultation.Version} nie ma takiej sekcji.", $"Version {consultation.Version} has no such section.");

    /// <summary>
    /// Refusals common to every way of commenting: 410 once the consultation is closed, 409 before its first day; null
    /// while comments are taken.
    /// </summary>
    public static IResult? RefuseUnlessOpen(ConsultationRow consultation, DateTimeOffset now) => consultation.StateAt(now) switch
    {
        ConsultationPeriod.Closed => consultation.Gone(now),
        ConsultationPeriod.Scheduled => consultation.NotYetOpen(),
        _ => null,
    };

    private static async Task<(ConsultationRow? Consultation, LinkRow? Link, IResult? Refusal)> FindAsync(DataSession session, string token,
        DateTimeOffset now, bool forUpdate)
    {
        var link = LinkTokens.Hash(token) is { } hash
            ? await session.QuerySingleOrDefaultAsync<LinkRow>(
                "SELECT id, consultation_id, audience, workshop, revoked_at FROM document_consultation_invitations WHERE token_hash = @hash", new { hash })
            : null;
        if (link is null)
        {
            return (null, null, ProblemDetailsDefaults.NotFound(
                "Nie ma takiego łącza do konsultacji. Sprawdź, czy adres jest skopiowany w całości.",
                "There is no such link to a consultation. Check that the whole address was copied."));
        }
        var consultation = (await ConsultationRow.FindAsync(session, link.ConsultationId, forUpdate))!;
        if (link.RevokedAt is { } replaced)
        {
            return (consultation, link, Results.Problem(statusCode: StatusCodes.Status410Gone,
                title: Text.Pick("Łącze do konsultacji nie jest już ważne.", "The link to the consultation is no longer valid."),
                detail: Text.Pick($"To łącze zastąpiono {WarsawTime.Format(replaced)} nowym. Użyj najnowszego zaproszenia.",
                    $"This link was replaced on {WarsawTime.Format(replaced)}. Use the latest invitation.")));
        }
        if (consultation.StateAt(now) == ConsultationPeriod.Closed)
        {
            return (consultation, link, consultation.Gone(now));
        }
        // Reading is allowed before the first day; commenting is not.
        return (consultation, link, forUpdate ? RefuseUnlessOpen(consultation, now) : null);
    }

    private sealed class OwnCommentRow
    {
        public Guid Id { get; init; }
        public string SectionSlug { get; init; } = "";
        public string Text { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
    }
}
