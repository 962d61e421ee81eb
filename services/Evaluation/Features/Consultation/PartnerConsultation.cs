namespace Cro.Evaluation.Features.Consultation;

/// <summary>
/// The partner association in the consultations, through its API client (scope consultations.write), under
/// /api/evaluation/partner: GET …/document-consultations — the consultations taking comments now; GET …/{id} — one with
/// the version by sections and the client's own comments and review; POST …/{id}/comments — a comment on a section, as
/// a participant's (400 unknown section, 409 before the first day, 410 once closed); POST …/{id}/review — the partner's
/// review: a summary and its recommendations, each on a section of the version or on the whole, submitted once per
/// consultation (409 a second time). ORE passes the policy (it may read what partners read) but does not write as the
/// partner (403).
/// </summary>
public static class PartnerConsultation
{
    public const int MaxRecommendations = 100;

    [OpenApiSchemaName("PartnerConsultationSummary")]
    public sealed record Summary(Guid Id, Guid DocumentId, string DocumentTitle, string DocumentKind, int Version, DateOnly OpensOn, DateOnly ClosesOn, string State);

    [OpenApiSchemaName("PartnerDocumentConsultation")]
    public sealed record PartnerView(Summary Consultation, IReadOnlyList<SectionView> Sections, IReadOnlyList<ParticipantConsultation.OwnComment> Comments,
        OpenDocumentConsultation.ReviewView? Review);

    /// <param name="Section">A section of the consulted version; none for the whole document.</param>
    [OpenApiSchemaName("RecommendationRequest")]
    public sealed record RecommendationRequest(
        [property: FieldLabel("Sekcja", "Section")] string? Section,
        [property: FieldLabel("Rekomendacja", "Recommendation")] string Text);

    [OpenApiSchemaName("PartnerReviewRequest")]
    public sealed record ReviewRequest(
        [property: FieldLabel("Podsumowanie recenzji", "Summary of the review")] string Summary,
        [property: FieldLabel("Rekomendacje", "Recommendations")] IReadOnlyList<RecommendationRequest> Recommendations);

    public sealed class RecommendationValidator : AbstractValidator<RecommendationRequest>
    {
        public RecommendationValidator()
        {
            RuleFor(r => r.Section).MaximumLength(100).WithMessage(_ => Text.Pick("Nie ma takiej sekcji.", "There is no such section."));
            RuleFor(r => r.Text).RequiredText(ParticipantConsultation.MaxText)
                .WithMessage(_ => Text.Pick($"Napisz rekomendację (do {ParticipantConsultation.MaxText} znaków).",
                    $"Write the recommendation (up to {ParticipantConsultation.MaxText} characters)."));
        }
    }

    public sealed class ReviewValidator : AbstractValidator<ReviewRequest>
    {
        public ReviewValidator()
        {
            RuleFor(r => r.Summary).RequiredText(20_000)
                .WithMessage(_ => Text.Pick("Napisz podsumowanie recenzji (do 20 000 znaków).", "Write the review's summary (up to 20,000 characters)."));
            RuleFor(r => r.Recommendations).Must(r => r is { Count: > 0 and <= MaxRecommendations })
                .WithMessage(_ => Text.Pick($"Recenzja ma od 1 do {MaxRecommendations} rekomendacji.", $"A review has 1 to {MaxRecommendations} recommendations."));
            RuleForEach(r => r.Recommendations).SetValidator(new RecommendationValidator());
        }
    }

    public static IEndpointRouteBuilder MapPartnerConsultation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluation/partner/document-consultations")
            .WithTags("Konsultacje dokumentów: partner / Document consultations: the partner")
            .RequireAuthorization(Policies.PartnerOrOperator(Scopes.ConsultationsWrite));
        api.MapGet("", ListAsync)
            .WithName("ListPartnerDocumentConsultations").WithSummary("Trwające konsultacje dokumentów / Document consultations taking comments")
            .Produces<IReadOnlyList<Summary>>();
        api.MapGet("/{id:guid}", GetAsync)
            .WithName("GetPartnerDocumentConsultation").WithSummary("Konsultacje z uwagami i recenzją partnera / A consultation with the partner's comments and review")
            .Produces<PartnerView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:guid}/comments", CommentAsync)
            .WithName("CommentDocumentAsPartner").WithSummary("Uwaga partnera do sekcji / The partner's comment on a section")
            .Validate<ParticipantConsultation.CommentRequest>().Produces<ParticipantConsultation.CommentReceipt>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone).WithIdempotencyKey();
        api.MapPost("/{id:guid}/review", ReviewAsync)
            .WithName("SubmitPartnerReview").WithSummary("Recenzja partnera z rekomendacjami / The partner's review with its recommendations")
            .Validate<ReviewRequest>().Produces<OpenDocumentConsultation.ReviewView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone).WithIdempotencyKey();
        return app;
    }

    private static Summary SummaryOf(ConsultationRow c, DateTimeOffset now) =>
        new(c.Id, c.DocumentId, c.Title, c.Kind, c.Version, c.OpensOn, c.ClosesOn, c.StateAt(now));

    private static async Task<IResult> ListAsync(DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var rows = await session.QueryAsync<ConsultationRow>(ConsultationRow.Select + " WHERE c.closed_at IS NULL ORDER BY c.closes_on, c.id");
        return TypedResults.Ok(rows.Where(c => c.StateAt(now) != ConsultationPeriod.Closed).Select(c => SummaryOf(c, now)).ToList());
    }

    private static string Client(HttpContext context) => context.User.FindFirst(CroClaims.Subject)?.Value ?? "unknown";

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await ConsultationRow.FindAsync(session, id) is not { } consultation)
        {
            return ConsultationRow.NotFound();
        }
        var client = Client(context);
        var own = await session.QueryAsync<(Guid, string, string, DateTime)>(
            "SELECT id, section_slug, text, created_at FROM document_comments WHERE consultation_id = @id AND partner_client = @client ORDER BY created_at, id",
            new { id, client });
        var full = await OpenDocumentConsultation.ViewAsync(session, consultation, now);
        return TypedResults.Ok(new PartnerView(SummaryOf(consultation, now), full.Sections,
            [.. own.Select(c => new ParticipantConsultation.OwnComment(c.Item1, c.Item2, c.Item3, new DateTimeOffset(DateTime.SpecifyKind(c.Item4, DateTimeKind.Utc))))],
            full.Review));
    }

    /// <summary>The consultation the partner's client writes to, locked; or the refusal: a person, not the client (403), unknown (404), not open.</summary>
    private static async Task<(ConsultationRow? Consultation, IResult? Refusal)> OpenForPartnerAsync(Guid id, HttpContext context, DataSession session,
        DateTimeOffset now)
    {
        if (context.User.IsPerson())
        {
            return (null, NotAsPerson());
        }
        if (await ConsultationRow.FindAsync(session, id, forUpdate: true) is not { } consultation)
        {
            return (null, ConsultationRow.NotFound());
        }
        return ParticipantConsultation.RefuseUnlessOpen(consultation, now) is { } refusal ? (null, refusal) : (consultation, null);
    }

    private static IResult NotAsPerson() => Problems.Forbidden("Uwagi i recenzję jako partner zgłasza klient API stowarzyszenia.",
        "The partner's comments and review come from the association's API client.");

    private static async Task<IResult> CommentAsync(Guid id, ParticipantConsultation.CommentRequest request, HttpContext context, DataSession session,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        var (consultation, refusal) = await OpenForPartnerAsync(id, context, session, now);
        if (consultation is null)
        {
            return refusal!;
        }
        if (await ParticipantConsultation.AddAsync(session, consultation, invitationId: null, Client(context), request, now) is not { } receipt)
        {
            return ParticipantConsultation.UnknownSection(consultation);
        }
        await session.CommitAsync();
        return TypedResults.Created($"/api/evaluation/partner/document-consultations/{id}", receipt);
    }

    private static async Task<IResult> ReviewAsync(Guid id, ReviewRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var (consultation, refusal) = await OpenForPartnerAsync(id, context, session, now);
        if (consultation is null)
        {
            return refusal!;
        }
        if (await session.QuerySingleOrDefaultAsync<DateTime?>("SELECT submitted_at FROM document_partner_reviews WHERE consultation_id = @id", new { id }) is { } at)
        {
            var when = WarsawTime.Format(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)));
            return Problems.Conflict("Recenzja tych konsultacji jest już złożona.", "The review of this consultation is submitted already.",
                $"Recenzję partnera złożono {when}; składa się ją raz. Dalsze uwagi zgłoś do sekcji.",
                $"The partner's review was submitted on {when}; it is submitted once. Send further comments on sections.");
        }
        var sections = MarkdownSections.Of(consultation.Markdown).Select(s => s.Slug).ToHashSet();
        var errors = request.Recommendations
            .Select((r, i) => (r, i))
            .Where(x => !string.IsNullOrWhiteSpace(x.r.Section) && !sections.Contains(x.r.Section.Trim()))
            .ToDictionary(x => $"recommendations[{x.i}].section",
                _ => new[] { Text.Pick($"Wersja {consultation.Version} nie ma takiej sekcji.", $"Version {consultation.Version} has no such section.") });
        if (errors.Count > 0)
        {
            return ProblemDetailsDefaults.ValidationProblem(errors);
        }
        var reviewId = Guid.CreateVersion7();
        await session.ExecuteAsync("""
            INSERT INTO document_partner_reviews (id, consultation_id, partner_client, summary, submitted_at)
            VALUES (@reviewId, @id, @client, @summary, @now)
            """, new { reviewId, id, client = Client(context), summary = request.Summary.Trim(), now = now.ToUniversalTime() });
        var ordinal = 0;
        foreach (var recommendation in request.Recommendations)
        {
            await session.ExecuteAsync("""
                INSERT INTO document_recommendations (id, review_id, consultation_id, ordinal, section_slug, text)
                VALUES (@recId, @reviewId, @id, @ordinal, @section, @text)
                """, new
            {
                recId = Guid.CreateVersion7(), reviewId, id, ordinal = ++ordinal,
                section = string.IsNullOrWhiteSpace(recommendation.Section) ? null : recommendation.Section.Trim(), text = recommendation.Text.Trim(),
            });
        }
        var view = (await OpenDocumentConsultation.ViewAsync(session, consultation, now)).Review!;
        await session.CommitAsync();
        return TypedResults.Created($"/api/evaluation/partner/document-consultations/{id}", view);
    }
}
