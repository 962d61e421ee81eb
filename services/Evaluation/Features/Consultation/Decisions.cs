namespace Cro.Evaluation.Features.Consultation;

/// <summary>
/// ORE decides every comment and recommendation of a consultation: POST
/// /api/evaluation/consultations/{id}/comments/{commentId}/decision and …/recommendations/{recommendationId}/decision —
/// accepted, partly or rejected; the reason is required for partly and rejected; accepted and partly name where the
/// change is: a later version of the document (its number) and a section of it (400 when that version or section does
/// not exist). A decision may be changed until the version it leads to is published (409 then), and only once the
/// consultation is closed (409 while it takes comments, so no comment is decided before all are in).
/// </summary>
public static class Decisions
{
    /// <param name="Decision">accepted, partly or rejected.</param>
    /// <param name="ChangeVersion">The later version holding the change (accepted, partly).</param>
    /// <param name="ChangeSection">That version's section holding the change (accepted, partly).</param>
    [OpenApiSchemaName("ConsultationDecisionRequest")]
    public sealed record DecisionRequest(
        [property: FieldLabel("Rozstrzygnięcie", "Decision")] string Decision,
        [property: FieldLabel("Uzasadnienie", "Reason")] string? Reason,
        [property: FieldLabel("Wersja ze zmianą", "Version with the change")] int? ChangeVersion,
        [property: FieldLabel("Sekcja ze zmianą", "Section with the change")] string? ChangeSection);

    public sealed class Validator : AbstractValidator<DecisionRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Decision).Must(d => d is not null && ConsultationPeriod.Decisions.ContainsKey(d))
                .WithMessage(_ => Text.Pick("Rozstrzygnięcie: accepted (uwzględniona), partly (częściowo) albo rejected (nieuwzględniona).",
                    "The decision: accepted, partly or rejected."));
            RuleFor(r => r.Reason).Must((r, reason) => reason is null or { Length: <= 4000 } && (r.Decision == "accepted" || !string.IsNullOrWhiteSpace(reason)))
                .WithMessage(_ => Text.Pick("Uzasadnij rozstrzygnięcie (wymagane, gdy uwaga jest nieuwzględniona lub uwzględniona częściowo; do 4000 znaków).",
                    "Give the reason (required when rejected or partly accepted; up to 4000 characters)."));
            RuleFor(r => r.ChangeVersion).Must((r, v) => r.Decision == "rejected" ? v is null : v is > 0)
                .WithMessage(r => r.Decision == "rejected"
                    ? Text.Pick("Nieuwzględniona uwaga nie wskazuje zmiany.", "A rejected comment names no change.")
                    : Text.Pick("Wskaż wersję, w której wprowadzono zmianę.", "Name the version the change is in."));
            RuleFor(r => r.ChangeSection).Must((r, s) => r.Decision == "rejected" ? string.IsNullOrWhiteSpace(s) : s is { Length: > 0 and <= 100 })
                .WithMessage(r => r.Decision == "rejected"
                    ? Text.Pick("Nieuwzględniona uwaga nie wskazuje zmiany.", "A rejected comment names no change.")
                    : Text.Pick("Wskaż sekcję, w której wprowadzono zmianę.", "Name the section the change is in."));
        }
    }

    public static IEndpointRouteBuilder MapDecisions(this IEndpointRouteBuilder api)
    {
        api.MapPost("/consultations/{id:guid}/comments/{itemId:guid}/decision",
                (Guid id, Guid itemId, DecisionRequest request, HttpContext context, DataSession session, TimeProvider time) =>
                    DecideAsync("document_comments", id, itemId, request, context, session, time))
            .WithName("DecideDocumentComment").WithSummary("Rozstrzygnij uwagę / Decide a comment")
            .Validate<DecisionRequest>().Produces<OpenDocumentConsultation.ConsultationView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        api.MapPost("/consultations/{id:guid}/recommendations/{itemId:guid}/decision",
                (Guid id, Guid itemId, DecisionRequest request, HttpContext context, DataSession session, TimeProvider time) =>
                    DecideAsync("document_recommendations", id, itemId, request, context, session, time))
            .WithName("DecidePartnerRecommendation").WithSummary("Rozstrzygnij rekomendację partnera / Decide a partner's recommendation")
            .Validate<DecisionRequest>().Produces<OpenDocumentConsultation.ConsultationView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> DecideAsync(string table, Guid id, Guid itemId, DecisionRequest request, HttpContext context, DataSession session,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        if (await ConsultationRow.FindAsync(session, id) is not { } consultation)
        {
            return ConsultationRow.NotFound();
        }
        // The document first, as publishing locks it: a decision and a publication never cross.
        await DocumentRow.FindAsync(session, consultation.DocumentId, forUpdate: true);
        if (!await session.ExecuteScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {table} WHERE id = @itemId AND consultation_id = @id)", new { id, itemId }))
        {
            return table == "document_comments"
                ? ProblemDetailsDefaults.NotFound("Konsultacje nie mają takiej uwagi.", "The consultation has no such comment.")
                : ProblemDetailsDefaults.NotFound("Recenzja nie ma takiej rekomendacji.", "The review has no such recommendation.");
        }
        if (consultation.StateAt(now) != ConsultationPeriod.Closed)
        {
            return Problems.Conflict("Konsultacje jeszcze trwają.", "The consultation is still on.",
                "Uwagi rozstrzyga się po zakończeniu konsultacji, gdy wszystkie są zebrane.", "Comments are decided after the consultation closes, when all are in.");
        }
        if (await session.ExecuteScalarAsync<int?>("""
                SELECT min(number) FROM document_versions WHERE document_id = @DocumentId AND number > @Version AND status IN ('published', 'superseded')
                """, new { consultation.DocumentId, consultation.Version }) is { } published)
        {
            return Problems.Conflict("Rozstrzygnięcia są już opublikowane.", "The decisions are published already.",
                $"Wersja {published} opublikowana po tych konsultacjach zamknęła ich rozstrzygnięcia.",
                $"Version {published}, published after this consultation, closed its decisions.");
        }
        string? section = null;
        if (request.ChangeVersion is { } changeVersion)
        {
            if (changeVersion <= consultation.Version || await VersionRow.FindAsync(session, consultation.DocumentId, changeVersion) is not { } target)
            {
                return Problems.Field("changeVersion", $"Zmiana jest w jednej z następnych wersji dokumentu (po wersji {consultation.Version}), która już istnieje.",
                    $"The change is in one of the document's next versions (after version {consultation.Version}), one that exists.");
            }
            section = request.ChangeSection!.Trim();
            if (!target.Sections.Any(s => s.Slug == section))
            {
                return Problems.Field("changeSection", $"Wersja {changeVersion} nie ma takiej sekcji.", $"Version {changeVersion} has no such section.");
            }
        }
        await session.ExecuteAsync($"""
            UPDATE {table} SET decision = @Decision, decision_reason = @reason, change_version = @ChangeVersion, change_section = @section,
                               decided_by = @by, decided_at = @now
            WHERE id = @itemId
            """, new
        {
            itemId, request.Decision, reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), request.ChangeVersion, section,
            by = context.User.PersonId(), now = now.ToUniversalTime(),
        });
        var view = await OpenDocumentConsultation.ViewAsync(session, consultation, now);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
