namespace Cro.Publishing.Features.Practices;

/// <summary>
/// ORE's editor decides on the catalogue. POST /api/publishing/practices/{id}/publish — publishes the version in editorial
/// review: the catalogue shows it from then on, found by its Polish text and facets. POST …/unpublish — withdraws a
/// published practice with a reason; its versions stay, and its authors may revise it and submit it again. A practice in
/// another state is a 409. Announced as GoodPracticePublished and GoodPracticeUnpublished (monitoring's counts, the authors' mails).
/// </summary>
public static class PublishPractice
{
    [OpenApiSchemaName("PracticeUnpublishRequest")]
    public sealed record UnpublishRequest([property: FieldLabel("Powód wycofania", "Reason for withdrawal")] string Reason);

    public sealed class UnpublishValidator : AbstractValidator<UnpublishRequest>
    {
        public UnpublishValidator() => RuleFor(r => r.Reason).RequiredText(2000)
            .WithMessage(_ => Text.Pick("Podaj powód wycofania praktyki z katalogu (do 2000 znaków).", "Give the reason for withdrawing the practice (up to 2000 characters)."));
    }

    public static IEndpointRouteBuilder MapPublishPractice(this IEndpointRouteBuilder api)
    {
        api.MapPost("/practices/{id:guid}/publish", PublishAsync)
            .WithName("PublishPractice").WithSummary("Opublikuj praktykę w katalogu / Publish the practice in the catalogue")
            .Produces<PracticeView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        api.MapPost("/practices/{id:guid}/unpublish", UnpublishAsync)
            .WithName("UnpublishPractice").WithSummary("Wycofaj praktykę z katalogu / Withdraw the practice from the catalogue")
            .Validate<UnpublishRequest>().Produces<PracticeView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> PublishAsync(Guid id, HttpContext context, DataSession session, PracticeNotices notices, TimeProvider time)
    {
        if (await PracticeRow.FindAsync(session, id, forUpdate: true) is not { } practice)
        {
            return PracticeRow.NotFound();
        }
        if (practice.Status != PracticeStatus.EditorReview)
        {
            return PracticeStatus.WrongState(practice.Status, "publikuje się praktykę w redakcji ORE.", "a practice in ORE's editorial review is published.");
        }
        var now = time.GetUtcNow();
        var first = practice.FirstPublishedAt ?? now;
        await session.ExecuteAsync($"""
            UPDATE practices SET status = '{PracticeStatus.Published}', published_version = round, first_published_at = @first, published_at = @now,
                                 unpublished_at = NULL, unpublish_reason = NULL, returned_from = NULL, updated_at = @now
            WHERE id = @id
            """, new { id, first = first.ToUniversalTime(), now = now.ToUniversalTime() });
        var published = await CatalogueEntry.WriteAsync(session, id, practice.JstTerc, practice.Round, first, now);
        await practice.RecordReviewAsync(session, practice.Round, ReviewStage.Editor, ReviewDecision.Published, null, Caller.From(context.User), now);
        await session.EnqueueAsync(new GoodPracticePublished
        {
            PracticeId = id, JstTerc = practice.JstTerc, JstName = published.Jst.Name, JstKind = published.Jst.Kind, VoivodeshipTerc = published.Jst.VoivodeshipTerc,
            Title = published.Title, Version = practice.Round, Topics = published.Topics, TotalCost = published.TotalCost,
            PlanId = published.PlanId, PlanActionIds = published.PlanActionIds,
            Authors = PracticeAuthors.Recipients(practice.AuthorList), PracticeUrl = notices.PageUrl(id), PublishedAt = now,
        });
        var view = (await PracticeView.FindAsync(session, id))!;
        await session.CommitAsync();
        PracticeMetrics.Published.Add(1);
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> UnpublishAsync(Guid id, UnpublishRequest request, HttpContext context, DataSession session, PracticeNotices notices,
        TimeProvider time)
    {
        if (await PracticeRow.FindAsync(session, id, forUpdate: true) is not { } practice)
        {
            return PracticeRow.NotFound();
        }
        if (practice.Status != PracticeStatus.Published)
        {
            return PracticeStatus.WrongState(practice.Status, "z katalogu wycofuje się praktykę opublikowaną.", "a published practice is withdrawn from the catalogue.");
        }
        var (now, reason) = (time.GetUtcNow(), request.Reason.Trim());
        await session.ExecuteAsync($"""
            UPDATE practices SET status = '{PracticeStatus.Unpublished}', unpublished_at = @now, unpublish_reason = @reason, returned_from = NULL, updated_at = @now
            WHERE id = @id
            """, new { id, reason, now = now.ToUniversalTime() });
        await CatalogueEntry.DeleteAsync(session, id);
        await practice.RecordReviewAsync(session, practice.PublishedVersion ?? practice.Round, ReviewStage.Editor, ReviewDecision.Unpublished, reason,
            Caller.From(context.User), now);
        await session.EnqueueAsync(new GoodPracticeUnpublished
        {
            PracticeId = id, JstTerc = practice.JstTerc, JstName = practice.JstDisplayName, Title = practice.Document.Title!, Reason = reason,
            Authors = PracticeAuthors.Recipients(practice.AuthorList), PlatformUrl = notices.PlatformUrl, UnpublishedAt = now,
        });
        var view = (await PracticeView.FindAsync(session, id))!;
        await session.CommitAsync();
        PracticeMetrics.Unpublished.Add(1);
        return TypedResults.Ok(view);
    }
}
