namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// The team's side of the comments. POST /api/monitoring/plans/{id}/consultation/comments/{commentId}/answer — it answers
/// a comment: accepted, partly (accepted in part) or rejected, always with the reason; an answer may be changed until the
/// version is adopted, when the resolution log is published (409 from then on). POST …/hide — it hides a comment (abuse,
/// personal data, off the subject) with the reason: the comment stays in the team's list with it, is never published, and
/// needs no answer; hiding is final (409 a second time). The version is locked before the comment (as its closing and
/// adoption lock it), so an answer and an adoption never cross.
/// </summary>
public static class AnswerConsultationComments
{
    public static readonly IReadOnlyDictionary<string, (string Pl, string En)> Answers = ConsultationPeriod.Decisions;

    /// <param name="Answer">accepted, partly or rejected.</param>
    [OpenApiSchemaName("ConsultationAnswerRequest")]
    public sealed record AnswerRequest(
        [property: FieldLabel("Rozstrzygnięcie", "Answer")] string Answer,
        [property: FieldLabel("Uzasadnienie", "Reason")] string Reason);

    [OpenApiSchemaName("ConsultationHideRequest")]
    public sealed record HideRequest([property: FieldLabel("Powód ukrycia uwagi", "Reason for hiding the comment")] string Reason);

    public sealed class AnswerValidator : AbstractValidator<AnswerRequest>
    {
        public AnswerValidator()
        {
            RuleFor(r => r.Answer).Must(a => a is not null && Answers.ContainsKey(a))
                .WithMessage(_ => Text.Pick("Rozstrzygnięcie: accepted (uwzględniona), partly (częściowo) albo rejected (nieuwzględniona).",
                    "The answer: accepted, partly or rejected."));
            RuleFor(r => r.Reason).RequiredText(4000)
                .WithMessage(_ => Text.Pick("Uzasadnij rozstrzygnięcie (do 4000 znaków).", "Give the reason for the answer (up to 4000 characters)."));
        }
    }

    public sealed class HideValidator : AbstractValidator<HideRequest>
    {
        public HideValidator() => RuleFor(r => r.Reason).RequiredText(1000)
            .WithMessage(_ => Text.Pick("Podaj powód ukrycia uwagi (do 1000 znaków).", "Give the reason for hiding the comment (up to 1000 characters)."));
    }

    private sealed record Target(Guid ConsultationId, string VersionStatus);

    private sealed record CommentState(DateTimeOffset? HiddenAt);

    public static IEndpointRouteBuilder MapAnswerConsultationComments(this IEndpointRouteBuilder api)
    {
        api.MapPost("/plans/{id:guid}/consultation/comments/{commentId:guid}/answer", AnswerAsync)
            .WithName("AnswerConsultationComment").WithSummary("Rozstrzygnij uwagę z konsultacji / Answer a consultation comment")
            .Validate<AnswerRequest>().Produces<ConsultationCommentView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPost("/plans/{id:guid}/consultation/comments/{commentId:guid}/hide", HideAsync)
            .WithName("HideConsultationComment").WithSummary("Ukryj uwagę z konsultacji / Hide a consultation comment")
            .Validate<HideRequest>().Produces<ConsultationCommentView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    private static Task<IResult> AnswerAsync(Guid id, Guid commentId, AnswerRequest request, HttpContext context, DataSession session, TimeProvider time) =>
        ChangeAsync(session, context, id, commentId, async comment =>
        {
            if (comment.HiddenAt is not null)
            {
                return Problems.Conflict("Uwaga jest ukryta.", "The comment is hidden.",
                    "Ukrytej uwagi się nie rozstrzyga: nie jest publikowana.", "A hidden comment is not answered: it is not published.");
            }
            await session.ExecuteAsync("""
                UPDATE consultation_comments SET answer = @Answer, answer_reason = @reason, answered_by = @by, answered_at = @now WHERE id = @commentId
                """, new { commentId, request.Answer, reason = request.Reason.Trim(), by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime() });
            return null;
        });

    private static Task<IResult> HideAsync(Guid id, Guid commentId, HideRequest request, HttpContext context, DataSession session, TimeProvider time) =>
        ChangeAsync(session, context, id, commentId, async comment =>
        {
            if (comment.HiddenAt is not null)
            {
                return Problems.Conflict("Uwaga jest już ukryta.", "The comment is hidden already.",
                    $"Zespół ukrył tę uwagę {WarsawTime.Format(comment.HiddenAt.Value)}.", $"The team hid this comment on {WarsawTime.Format(comment.HiddenAt.Value)}.");
            }
            await session.ExecuteAsync("""
                UPDATE consultation_comments SET hidden_reason = @reason, hidden_by = @by, hidden_at = @now WHERE id = @commentId
                """, new { commentId, reason = request.Reason.Trim(), by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime() });
            return null;
        });

    /// <summary>Finds the team's comment (404 otherwise), refuses a change once the version is adopted, and applies <paramref name="change"/> (null: done).</summary>
    private static async Task<IResult> ChangeAsync(DataSession session, HttpContext context, Guid planId, Guid commentId, Func<CommentState, Task<IResult?>> change)
    {
        var target = await session.QuerySingleOrDefaultAsync<Target>("""
            SELECT pc.id AS consultation_id, v.status AS version_status
            FROM consultation_comments c JOIN plan_consultations pc ON pc.id = c.consultation_id JOIN plan_versions v ON v.id = pc.version_id
            WHERE c.id = @commentId AND pc.plan_id = @planId AND pc.jst_terc = @terc
            FOR SHARE OF v
            """, new { commentId, planId, terc = context.User.JstTerc() });
        if (target is null)
        {
            return ProblemDetailsDefaults.NotFound("Konsultacje planu nie mają takiej uwagi.", "The plan's consultation has no such comment.");
        }
        if (target.VersionStatus is PlanStatus.Adopted or PlanStatus.Superseded)
        {
            return Problems.Conflict("Plan jest przyjęty.", "The plan is adopted.",
                "Rozstrzygnięcia uwag opublikowano z przyjętym planem; już się ich nie zmienia.",
                "The answers to the comments were published with the adopted plan; they no longer change.");
        }
        var comment = await session.QuerySingleAsync<CommentState>("SELECT hidden_at FROM consultation_comments WHERE id = @commentId FOR UPDATE",
            new { commentId });
        if (await change(comment) is { } refusal)
        {
            return refusal;
        }
        var consultation = await session.QuerySingleAsync<ConsultationRow>(ConsultationRow.Select + " WHERE c.id = @ConsultationId", new { target.ConsultationId });
        var view = (await ConsultationCommentView.ListAsync(session, consultation, commentId)).Single();
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
