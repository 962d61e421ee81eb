namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// The review of a submitted diagnosis by the JST's advisor (whose token names the JST in advised_jst) or ORE.
/// GET /api/monitoring/diagnoses/{id}/review — its state, the comments with the team's answers, and the history (the
/// team, its advisor and ORE). POST …/review/comments — the reviewer comments on a finding or on the whole diagnosis;
/// POST …/review/request-changes — returns it to the team with a reason; POST …/review/accept — accepts it, announced as
/// DiagnosisAccepted with the findings and recommendations the plan refers to. These need it submitted (409 naming its
/// state otherwise). POST …/review/comments/{commentId}/address — the team answers a comment while it is returned; it
/// submits again once every comment is answered. Another JST's advisor gets 404.
/// </summary>
public static class ReviewDiagnosis
{
    /// <param name="FindingId">The finding commented on; null for a comment on the whole diagnosis.</param>
    [OpenApiSchemaName("DiagnosisReviewCommentRequest")]
    public sealed record CommentRequest(Guid? FindingId, [property: FieldLabel("Uwaga", "Comment")] string Text);

    [OpenApiSchemaName("DiagnosisChangesRequest")]
    public sealed record ChangesRequest([property: FieldLabel("Powód zwrotu do poprawy", "Reason for returning")] string Reason);

    [OpenApiSchemaName("DiagnosisCommentAnswer")]
    public sealed record AnswerRequest([property: FieldLabel("Odpowiedź na uwagę", "Answer to the comment")] string Response);

    /// <param name="Round">The submission it was made on.</param>
    /// <param name="Response">How the team addressed it; null while open.</param>
    [OpenApiSchemaName("DiagnosisReviewComment")]
    public sealed record CommentView(Guid Id, int Round, Guid? FindingId, string Text, Guid? Author, DateTimeOffset CreatedAt, string? Response,
        DateTimeOffset? AddressedAt);

    /// <param name="Action"><see cref="ReviewAction"/>: submitted, commented, changes-requested, comment-addressed, accepted.</param>
    /// <param name="Text">A return's reason, a comment, or the team's answer.</param>
    [OpenApiSchemaName("DiagnosisReviewHistoryEntry")]
    public sealed record HistoryEntry(int Round, string Action, Guid? CommentId, string? Text, Guid? Actor, DateTimeOffset At);

    /// <param name="Status"><see cref="DiagnosisStatus"/>: draft, submitted, returned, accepted.</param>
    /// <param name="Round">Submissions so far.</param>
    [OpenApiSchemaName("DiagnosisReview")]
    public sealed record ReviewView(Guid DiagnosisId, string Status, int Round, DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt,
        IReadOnlyList<CommentView> Comments, IReadOnlyList<HistoryEntry> History);

    public sealed class CommentValidator : AbstractValidator<CommentRequest>
    {
        public CommentValidator() => RuleFor(r => r.Text).RequiredText(4000)
            .WithMessage(_ => Text.Pick("Napisz uwagę (do 4000 znaków).", "Write the comment (up to 4000 characters)."));
    }

    public sealed class ChangesValidator : AbstractValidator<ChangesRequest>
    {
        public ChangesValidator() => RuleFor(r => r.Reason).RequiredText(4000)
            .WithMessage(_ => Text.Pick("Podaj, co trzeba poprawić (do 4000 znaków).", "Say what has to change (up to 4000 characters)."));
    }

    public sealed class AnswerValidator : AbstractValidator<AnswerRequest>
    {
        public AnswerValidator() => RuleFor(r => r.Response).RequiredText(4000)
            .WithMessage(_ => Text.Pick("Napisz, jak uwzględniono uwagę (do 4000 znaków).", "Write how the comment was addressed (up to 4000 characters)."));
    }

    public static IEndpointRouteBuilder MapReviewDiagnosis(this IEndpointRouteBuilder api)
    {
        api.MapGet("/diagnoses/{id:guid}/review", GetAsync)
            .WithName("GetDiagnosisReview").WithSummary("Ocena diagnozy: uwagi i historia / The diagnosis's review: comments and history")
            .Produces<ReviewView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapPost("/diagnoses/{id:guid}/review/comments", CommentAsync)
            .WithName("CommentDiagnosis").WithSummary("Zgłoś uwagę do diagnozy / Comment on the diagnosis")
            .Validate<CommentRequest>().Produces<CommentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapPost("/diagnoses/{id:guid}/review/request-changes", RequestChangesAsync)
            .WithName("RequestDiagnosisChanges").WithSummary("Zwróć diagnozę do poprawy / Return the diagnosis for changes")
            .Validate<ChangesRequest>().Produces<ReviewView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapPost("/diagnoses/{id:guid}/review/accept", AcceptAsync)
            .WithName("AcceptDiagnosis").WithSummary("Zaakceptuj diagnozę / Accept the diagnosis")
            .Produces<ReviewView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapPost("/diagnoses/{id:guid}/review/comments/{commentId:guid}/address", AddressAsync)
            .WithName("AddressDiagnosisComment").WithSummary("Odpowiedz na uwagę oceniającego / Address the reviewer's comment")
            .Validate<AnswerRequest>().Produces<CommentView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    private sealed record Head(string Status, int Round, DateTimeOffset? SubmittedAt, DateTimeOffset? AcceptedAt);

    private const string SelectComment = "SELECT id, round, finding_id, text, author, created_at, response, addressed_at FROM diagnosis_review_comments";

    public static async Task<ReviewView?> FindAsync(DataSession session, Guid id)
    {
        using var rows = await session.QueryMultipleAsync($"""
            SELECT status, round, submitted_at, accepted_at FROM diagnoses WHERE id = @id;
            {SelectComment} WHERE diagnosis_id = @id ORDER BY created_at, id;
            SELECT round, action, comment_id, text, actor, at FROM diagnosis_review_history WHERE diagnosis_id = @id ORDER BY at, id;
            """, new { id });
        if (await rows.ReadSingleOrDefaultAsync<Head>() is not { } head)
        {
            return null;
        }
        return new ReviewView(id, head.Status, head.Round, head.SubmittedAt, head.AcceptedAt, [.. await rows.ReadAsync<CommentView>()],
            [.. await rows.ReadAsync<HistoryEntry>()]);
    }

    private static async Task<IResult> GetAsync(Guid id, [RepeatableRead] DataSession session) =>
        await FindAsync(session, id) is { } view ? TypedResults.Ok(view) : DiagnosisView.NotFound();

    /// <summary>The submitted diagnosis the reviewer may see, locked; else the refusal (404, 409 naming its state).</summary>
    private static async Task<(ReviewedDiagnosis? Diagnosis, IResult? Refusal)> UnderReviewAsync(DataSession session, Guid id) =>
        await ReviewedDiagnosis.ForReviewerAsync(session, id) is not { } diagnosis ? (null, DiagnosisView.NotFound())
        : diagnosis.Status != DiagnosisStatus.Submitted
            ? (null, DiagnosisStatus.WrongState(diagnosis.Status, "oceniający zgłasza uwagi, zwraca i akceptuje diagnozę przesłaną do oceny.",
                "the reviewer comments on, returns and accepts a diagnosis submitted to review."))
        : (diagnosis, null);

    private static async Task<IResult> CommentAsync(Guid id, CommentRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var (diagnosis, refusal) = await UnderReviewAsync(session, id);
        if (refusal is not null)
        {
            return refusal;
        }
        if (request.FindingId is { } findingId
            && !await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM diagnosis_findings WHERE id = @findingId AND diagnosis_id = @id)",
                new { findingId, id }))
        {
            return Problems.Field("findingId", "Diagnoza nie ma takiego ustalenia.", "The diagnosis has no such finding.");
        }
        var now = time.GetUtcNow();
        var by = context.User.PersonId();
        var comment = await session.QuerySingleAsync<CommentView>("""
            INSERT INTO diagnosis_review_comments (id, diagnosis_id, jst_terc, round, finding_id, text, author, created_at)
            VALUES (@commentId, @Id, @JstTerc, @Round, @FindingId, @text, @by, @now)
            RETURNING id, round, finding_id, text, author, created_at, response, addressed_at
            """, new { commentId = Guid.CreateVersion7(), diagnosis!.Id, diagnosis.JstTerc, diagnosis.Round, request.FindingId, text = request.Text.Trim(), by,
            now = now.ToUniversalTime() });
        await diagnosis.RecordAsync(session, ReviewAction.Commented, diagnosis.Round, comment.Text, by, now, comment.Id);
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/diagnoses/{id}/review/comments/{comment.Id}", comment);
    }

    private static async Task<IResult> RequestChangesAsync(Guid id, ChangesRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var (diagnosis, refusal) = await UnderReviewAsync(session, id);
        if (refusal is not null)
        {
            return refusal;
        }
        var now = time.GetUtcNow();
        await session.ExecuteAsync($"UPDATE diagnoses SET status = '{DiagnosisStatus.Returned}' WHERE id = @id", new { id });
        await diagnosis!.RecordAsync(session, ReviewAction.ChangesRequested, diagnosis.Round, request.Reason.Trim(), context.User.PersonId(), now);
        var view = (await FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> AcceptAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        var (diagnosis, refusal) = await UnderReviewAsync(session, id);
        if (refusal is not null)
        {
            return refusal;
        }
        var now = time.GetUtcNow();
        var by = context.User.PersonId();
        await session.ExecuteAsync($"UPDATE diagnoses SET status = '{DiagnosisStatus.Accepted}', accepted_at = @now, accepted_by = @by WHERE id = @id",
            new { id, now = now.ToUniversalTime(), by });
        await diagnosis!.RecordAsync(session, ReviewAction.Accepted, diagnosis.Round, null, by, now);
        var findings = (await Findings.FindAsync(session, id))!;
        await session.EnqueueAsync(new DiagnosisAccepted
        {
            DiagnosisId = id, JstTerc = diagnosis.JstTerc, Kind = diagnosis.Kind, InstrumentVersion = diagnosis.InstrumentVersion, Round = diagnosis.Round,
            Findings = [.. findings.Findings.Select(f => new AcceptedFinding(f.Id, f.Title, f.Priority, f.Sections, f.Questions, f.Figures))],
            Recommendations = [.. findings.Recommendations.Select(r => new AcceptedRecommendation(r.Id, r.Title, r.FindingIds))],
            AcceptedBy = by, AcceptedAt = now,
        });
        var view = (await FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> AddressAsync(Guid id, Guid commentId, AnswerRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await ReviewedDiagnosis.ForTeamAsync(session, context.User, id) is not { } diagnosis)
        {
            return DiagnosisView.NotFound();
        }
        if (diagnosis.Status != DiagnosisStatus.Returned)
        {
            return DiagnosisStatus.WrongState(diagnosis.Status, "na uwagi odpowiada się w diagnozie zwróconej do poprawy.",
                "comments are addressed while the diagnosis is returned for changes.");
        }
        var now = time.GetUtcNow();
        var by = context.User.PersonId();
        if (await session.QuerySingleOrDefaultAsync<CommentView>($"{SelectComment} WHERE id = @commentId AND diagnosis_id = @id FOR UPDATE",
                new { commentId, id }) is not { } comment)
        {
            return ProblemDetailsDefaults.NotFound("Diagnoza nie ma takiej uwagi.", "The diagnosis has no such comment.");
        }
        if (comment.AddressedAt is not null)
        {
            return Problems.Conflict("Na tę uwagę już odpowiedziano.", "This comment has been addressed already.",
                "Zespół odpowiedział już na tę uwagę; odpowiedź zostaje w historii oceny.", "The team has addressed this comment; the answer stays in the review's history.");
        }
        var response = request.Response.Trim();
        await session.ExecuteAsync("UPDATE diagnosis_review_comments SET response = @response, addressed_by = @by, addressed_at = @now WHERE id = @commentId",
            new { commentId, response, by, now = now.ToUniversalTime() });
        await diagnosis.RecordAsync(session, ReviewAction.CommentAddressed, diagnosis.Round, response, by, now, commentId);
        await session.CommitAsync();
        return TypedResults.Ok(comment with { Response = response, AddressedAt = now });
    }
}
