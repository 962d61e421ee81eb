namespace Cro.Publishing.Features.Practices;

/// <summary>
/// The review of a submitted practice. POST /api/publishing/practices/{id}/approve — the JST's advisor (whose token names
/// the JST) or ORE in their place passes it on to ORE's editorial review; POST …/request-changes — the advisor (while it is
/// with them) or ORE's editor (at either stage) returns it to the authors with a comment, and they revise and submit it
/// again, any number of rounds. An advisor asking for changes at the editorial stage is refused (403); a practice not under
/// that review is a 409; another JST's advisor gets 404. Announced as GoodPracticeApprovedByAdvisor and
/// GoodPracticeChangesRequested (the authors' mails).
/// </summary>
public static class ReviewPractice
{
    [OpenApiSchemaName("PracticeChangesRequest")]
    public sealed record ChangesRequest([property: FieldLabel("Uwagi dla autorów", "Comments for the authors")] string Comment);

    public sealed class ChangesValidator : AbstractValidator<ChangesRequest>
    {
        public ChangesValidator() => RuleFor(r => r.Comment).RequiredText(PracticeTemplateValidator.MediumText)
            .WithMessage(_ => Text.Pick($"Napisz autorom, co poprawić (do {PracticeTemplateValidator.MediumText} znaków).",
                $"Write what the authors should change (up to {PracticeTemplateValidator.MediumText} characters)."));
    }

    public static IEndpointRouteBuilder MapReviewPractice(this IEndpointRouteBuilder api)
    {
        api.MapPost("/practices/{id:guid}/approve", ApproveAsync)
            .WithName("ApprovePractice").WithSummary("Przekaż praktykę do redakcji ORE (ocena doradcy) / Pass the practice on to ORE's editors (the advisor's review)")
            .Produces<PracticeView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapPost("/practices/{id:guid}/request-changes", RequestChangesAsync)
            .WithName("RequestPracticeChanges").WithSummary("Zwróć praktykę autorom do poprawy / Return the practice to its authors for changes")
            .Validate<ChangesRequest>().Produces<PracticeView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        return api;
    }

    private static async Task<IResult> ApproveAsync(Guid id, HttpContext context, DataSession session, PracticeNotices notices, TimeProvider time)
    {
        if (await PracticeRow.FindAsync(session, id, forUpdate: true) is not { } practice)
        {
            return PracticeRow.NotFound();
        }
        if (practice.Status != PracticeStatus.Submitted)
        {
            return PracticeStatus.WrongState(practice.Status, "doradca ocenia praktykę przesłaną do oceny.", "the advisor reviews a practice submitted to review.");
        }
        var now = time.GetUtcNow();
        await session.ExecuteAsync($"UPDATE practices SET status = '{PracticeStatus.EditorReview}', updated_at = @now WHERE id = @id",
            new { id, now = now.ToUniversalTime() });
        await practice.RecordReviewAsync(session, practice.Round, ReviewStage.Advisor, ReviewDecision.Approved, null, Caller.From(context.User), now);
        await session.EnqueueAsync(new GoodPracticeApprovedByAdvisor
        {
            PracticeId = id, JstTerc = practice.JstTerc, JstName = practice.JstDisplayName, Title = practice.Document.Title!, Version = practice.Round,
            Authors = PracticeAuthors.Recipients(practice.AuthorList), PlatformUrl = notices.PlatformUrl, ApprovedAt = now,
        });
        var view = (await PracticeView.FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> RequestChangesAsync(Guid id, ChangesRequest request, HttpContext context, DataSession session, PracticeNotices notices,
        TimeProvider time)
    {
        if (await PracticeRow.FindAsync(session, id, forUpdate: true) is not { } practice)
        {
            return PracticeRow.NotFound();
        }
        var caller = Caller.From(context.User);
        var stage = practice.Status switch
        {
            PracticeStatus.Submitted => ReviewStage.Advisor,
            PracticeStatus.EditorReview => ReviewStage.Editor,
            _ => null,
        };
        if (stage is null)
        {
            return PracticeStatus.WrongState(practice.Status, "do poprawy zwraca się praktykę w ocenie doradcy albo w redakcji ORE.",
                "a practice in the advisor's review or in ORE's editorial review is returned for changes.");
        }
        if (stage == ReviewStage.Editor && !caller.IsOperator)
        {
            return Problems.Forbidden("Praktyka jest już w redakcji ORE: uwagi zgłasza redaktor ORE.",
                "The practice is in ORE's editorial review already: ORE's editor makes the comments.");
        }
        var (now, comment) = (time.GetUtcNow(), request.Comment.Trim());
        await session.ExecuteAsync($"UPDATE practices SET status = '{PracticeStatus.ChangesRequested}', returned_from = @stage, updated_at = @now WHERE id = @id",
            new { id, stage, now = now.ToUniversalTime() });
        await practice.RecordReviewAsync(session, practice.Round, stage, ReviewDecision.ChangesRequested, comment, caller, now);
        await session.EnqueueAsync(new GoodPracticeChangesRequested
        {
            PracticeId = id, JstTerc = practice.JstTerc, JstName = practice.JstDisplayName, Title = practice.Document.Title!, Version = practice.Round,
            Stage = stage, Comment = comment, Authors = PracticeAuthors.Recipients(practice.AuthorList), PlatformUrl = notices.PlatformUrl, RequestedAt = now,
        });
        var view = (await PracticeView.FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
