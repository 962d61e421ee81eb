namespace Cro.Evaluation.Features.Consultation;

/// <summary>
/// ORE's side of a version's consultation. POST /api/evaluation/documents/{id}/versions/{number}/consultation — opens
/// the consultation of a draft version from <c>opensOn</c> (today when not given) to <c>closesOn</c> (Warsaw days, both
/// included, at most <see cref="ConsultationPeriod.MaxDays"/>): the version moves to in-consultation and its text stays as it is (409 for a
/// version that is not a draft: a version is consulted once). GET /api/evaluation/consultations/{id} — the consultation:
/// the version by sections, the invitations, the comments and the partner's review with every decision. POST …/close —
/// closes it before its term (409 when closed already).
/// </summary>
public static class OpenDocumentConsultation
{

    [OpenApiSchemaName("OpenDocumentConsultationRequest")]
    public sealed record OpenRequest(
        [property: FieldLabel("Pierwszy dzień konsultacji", "First day of the consultation")] DateOnly? OpensOn,
        [property: FieldLabel("Ostatni dzień konsultacji", "Last day of the consultation")] DateOnly? ClosesOn);

    /// <param name="Audience">jst (JST representatives), workshop (a workshop's participants, named by <paramref name="Workshop"/>) or partner (the partner's people).</param>
    [OpenApiSchemaName("DocumentConsultationInvitation")]
    public sealed record InvitationView(Guid Id, string Audience, string? Workshop, string? Email, DateTimeOffset InvitedAt, DateTimeOffset? LastUsedAt);

    /// <param name="From">jst, workshop or partner: whom the comment came through, never who.</param>
    [OpenApiSchemaName("DocumentComment")]
    public sealed record CommentView(Guid Id, string SectionSlug, string Text, string From, string? Workshop, DateTimeOffset CreatedAt, DecisionView? Decision);

    [OpenApiSchemaName("DocumentRecommendation")]
    public sealed record RecommendationView(Guid Id, int Ordinal, string? SectionSlug, string Text, DecisionView? Decision);

    [OpenApiSchemaName("DocumentPartnerReview")]
    public sealed record ReviewView(Guid Id, string Summary, DateTimeOffset SubmittedAt, IReadOnlyList<RecommendationView> Recommendations);

    /// <param name="State">scheduled, open or closed.</param>
    /// <param name="Undecided">How many comments and recommendations still wait for a decision.</param>
    [OpenApiSchemaName("DocumentConsultation")]
    public sealed record ConsultationView(Guid Id, Guid DocumentId, string DocumentTitle, string DocumentKind, int Version, string State,
        DateOnly OpensOn, DateOnly ClosesOn, DateTimeOffset? ClosedAt, IReadOnlyList<SectionView> Sections, IReadOnlyList<InvitationView> Invitations,
        IReadOnlyList<CommentView> Comments, ReviewView? Review, int Undecided);

    public sealed class Validator : AbstractValidator<OpenRequest>
    {
        public Validator(TimeProvider time) => this.TermRules(r => r.OpensOn, r => r.ClosesOn, time);
    }

    public static IEndpointRouteBuilder MapOpenDocumentConsultation(this IEndpointRouteBuilder api)
    {
        api.MapPost("/documents/{id:guid}/versions/{number:int}/consultation", OpenAsync)
            .WithName("OpenDocumentConsultation").WithSummary("Otwórz konsultacje projektu wersji / Open the consultation of a draft version")
            .Validate<OpenRequest>().Produces<ConsultationView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        api.MapGet("/consultations/{id:guid}", GetAsync)
            .WithName("GetDocumentConsultation").WithSummary("Konsultacje wersji dokumentu z uwagami i rozstrzygnięciami / A version's consultation with its comments and decisions")
            .Produces<ConsultationView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        api.MapPost("/consultations/{id:guid}/close", CloseAsync)
            .WithName("CloseDocumentConsultation").WithSummary("Zakończ konsultacje przed terminem / Close the consultation before its term")
            .Produces<ConsultationView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> OpenAsync(Guid id, int number, OpenRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await DocumentRow.FindAsync(session, id, forUpdate: true) is null)
        {
            return DocumentRow.NotFound();
        }
        if (await VersionRow.FindAsync(session, id, number) is not { } version)
        {
            return VersionRow.NotFound();
        }
        if (version.Status != VersionStatus.Draft)
        {
            return Problems.Conflict("Tej wersji nie można skierować do konsultacji.", "This version cannot be put to consultation.",
                $"Wersja {number} ma stan „{version.Status}”; do konsultacji kieruje się projekt wersji, raz.",
                $"Version {number} is '{version.Status}'; a draft version is put to consultation, once.");
        }
        var (now, by, consultationId) = (time.GetUtcNow(), context.User.PersonId(), Guid.CreateVersion7());
        var opensOn = request.OpensOn ?? DateOnly.FromDateTime(WarsawTime.InWarsaw(now).DateTime);
        await session.ExecuteAsync($"""
            INSERT INTO document_consultations (id, document_id, version_id, opens_on, closes_on, opened_by, opened_at)
            VALUES (@consultationId, @id, @versionId, @opensOn, @ClosesOn, @by, @now);
            UPDATE document_versions SET status = '{VersionStatus.InConsultation}', updated_at = @now WHERE id = @versionId;
            """, new { consultationId, id, versionId = version.Id, opensOn, request.ClosesOn, by, now = now.ToUniversalTime() });
        var view = await ViewAsync(session, (await ConsultationRow.FindAsync(session, consultationId))!, now);
        await session.CommitAsync();
        return TypedResults.Created($"/api/evaluation/consultations/{consultationId}", view);
    }

    private static async Task<IResult> GetAsync(Guid id, DataSession session, TimeProvider time) =>
        await ConsultationRow.FindAsync(session, id) is { } consultation
            ? TypedResults.Ok(await ViewAsync(session, consultation, time.GetUtcNow()))
            : ConsultationRow.NotFound();

    private static async Task<IResult> CloseAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await ConsultationRow.FindAsync(session, id, forUpdate: true) is not { } consultation)
        {
            return ConsultationRow.NotFound();
        }
        if (consultation.StateAt(now) == ConsultationPeriod.Closed)
        {
            return Problems.Conflict("Konsultacje są już zakończone.", "The consultation is closed already.",
                $"Konsultacje wersji {consultation.Version} zakończyły się {WarsawTime.Format(ConsultationPeriod.ClosedAtOrTermEnd(consultation.ClosesOn, consultation.ClosedAt, now)!.Value)}.",
                $"The consultation of version {consultation.Version} closed on {WarsawTime.Format(ConsultationPeriod.ClosedAtOrTermEnd(consultation.ClosesOn, consultation.ClosedAt, now)!.Value)}.");
        }
        await session.ExecuteAsync("UPDATE document_consultations SET closed_at = @now, closed_by = @by WHERE id = @id",
            new { id, now = now.ToUniversalTime(), by = context.User.PersonId() });
        var view = await ViewAsync(session, (await ConsultationRow.FindAsync(session, id))!, now);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    public static async Task<ConsultationView> ViewAsync(DataSession session, ConsultationRow c, DateTimeOffset now)
    {
        var invitations = await session.QueryAsync<InvitationRow>("""
            SELECT id, audience, workshop, email, invited_at, last_used_at FROM document_consultation_invitations
            WHERE consultation_id = @Id AND revoked_at IS NULL ORDER BY invited_at, id
            """, new { c.Id });
        var comments = (await session.QueryAsync<CommentRow>(CommentRow.Select + " WHERE c.consultation_id = @Id ORDER BY c.created_at, c.id", new { c.Id }))
            .Select(r => new CommentView(r.Id, r.SectionSlug!, r.Text, r.From, r.Workshop, r.CreatedAt, r.DecisionView)).ToList();
        var review = await session.QuerySingleOrDefaultAsync<(Guid Id, string Summary, DateTime SubmittedAt)?>(
            "SELECT id, summary, submitted_at FROM document_partner_reviews WHERE consultation_id = @Id", new { c.Id });
        ReviewView? reviewView = null;
        if (review is { } r)
        {
            var recommendations = await session.QueryAsync<RecommendationRow>(RecommendationRow.Select + " WHERE review_id = @Id ORDER BY ordinal", new { r.Id });
            reviewView = new ReviewView(r.Id, r.Summary, new DateTimeOffset(DateTime.SpecifyKind(r.SubmittedAt, DateTimeKind.Utc)),
                [.. recommendations.Select(x => new RecommendationView(x.Id, x.Ordinal, x.SectionSlug, x.Text, x.DecisionView))]);
        }
        var undecided = comments.Count(x => x.Decision is null) + (reviewView?.Recommendations.Count(x => x.Decision is null) ?? 0);
        return new ConsultationView(c.Id, c.DocumentId, c.Title, c.Kind, c.Version, c.StateAt(now), c.OpensOn, c.ClosesOn, c.ClosedAt,
            SectionView.Of(c.Markdown), [.. invitations.Select(i => new InvitationView(i.Id, i.Audience, i.Workshop, i.Email, i.InvitedAt, i.LastUsedAt))],
            comments, reviewView, undecided);
    }

    private sealed class InvitationRow
    {
        public Guid Id { get; init; }
        public string Audience { get; init; } = "";
        public string? Workshop { get; init; }
        public string? Email { get; init; }
        public DateTimeOffset InvitedAt { get; init; }
        public DateTimeOffset? LastUsedAt { get; init; }
    }
}
