namespace Cro.Publishing.Features.Practices;

/// <summary>
/// POST /api/publishing/practices/{id}/submit — the JST's team submits its practice to review: a draft, a practice returned
/// for changes, or one withdrawn from the catalogue. The text, authors and files as they stand become a new version, kept
/// for good; the practice goes to the JST's advisor, or straight back to ORE's editors when they asked for the changes. A
/// 409 names each field still missing (<c>errors</c>). Announced as GoodPracticeSubmitted (the authors' and the advisor's mails).
/// </summary>
public static class SubmitPractice
{
    public static RouteHandlerBuilder MapSubmitPractice(this IEndpointRouteBuilder api) => api
        .MapPost("/practices/{id:guid}/submit", (Guid id, HttpContext context, DataSession session, PracticeNotices notices, TimeProvider time) =>
            SubmitAsync(session, PracticeWriter.Team(context.User), id, notices, time.GetUtcNow()))
        .WithName("SubmitPractice").WithSummary("Prześlij dobrą praktykę do oceny / Submit the good practice to review")
        .Produces<PracticeView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    /// <summary>The submission, committed; for the team's operation and the partner's alike.</summary>
    public static async Task<IResult> SubmitAsync(DataSession session, PracticeWriter writer, Guid id, PracticeNotices notices, DateTimeOffset now)
    {
        if (await writer.FindForChangeAsync(session, id) is not { } practice)
        {
            return PracticeRow.NotFound();
        }
        if (!PracticeStatus.IsEditable(practice.Status))
        {
            return PracticeStatus.WrongState(practice.Status, "do oceny przesyła się szkic, praktykę zwróconą do poprawy albo wycofaną z katalogu.",
                "a draft, a practice returned for changes or one withdrawn from the catalogue is submitted.");
        }
        var template = practice.Document;
        var authors = practice.AuthorList;
        if (PracticeCompleteness.Check(template, authors) is { } incomplete)
        {
            return incomplete;
        }
        var (number, stage) = (practice.Round + 1, practice.ReturnedFrom == ReviewStage.Editor ? ReviewStage.Editor : ReviewStage.Advisor);
        var files = await PracticeFileView.CurrentAsync(session, id);
        await session.ExecuteAsync("""
            INSERT INTO practice_versions (id, practice_id, jst_terc, number, template, authors, files, submitted_by, submitted_by_client, submitted_at)
            VALUES (@versionId, @id, @JstTerc, @number, @template::jsonb, @authors::jsonb, @files::jsonb, @by, @client, @now);
            UPDATE practices SET status = @status, round = @number, submitted_at = @now, updated_by = @by, updated_at = @now WHERE id = @id;
            """, new
        {
            versionId = Guid.CreateVersion7(), id, practice.JstTerc, number, template = practice.Template, authors = practice.Authors,
            files = PracticeRow.ToJson(files), by = writer.UserId, client = writer.ClientId, now = now.ToUniversalTime(),
            status = stage == ReviewStage.Editor ? PracticeStatus.EditorReview : PracticeStatus.Submitted,
        });
        var advisors = stage == ReviewStage.Advisor ? await Registry.JstAdvisors.CurrentAsync(session, practice.JstTerc) : [];
        await session.EnqueueAsync(new GoodPracticeSubmitted
        {
            PracticeId = id, JstTerc = practice.JstTerc, JstName = practice.JstDisplayName, Title = template.Title!, Version = number, ReviewStage = stage,
            Topics = template.Topics ?? [], ByPartner = practice.CreatedByClient is not null, Authors = PracticeAuthors.Recipients(authors),
            Reviewers = [.. advisors.Select(a => new GoodPracticePerson { FullName = a.FullName, Email = a.Email })], PlatformUrl = notices.PlatformUrl,
            SubmittedAt = now,
        });
        var view = (await PracticeView.FindAsync(session, id))!;
        await session.CommitAsync();
        PracticeMetrics.Submitted.Add(1, new KeyValuePair<string, object?>("by", writer.IsPartner ? "partner" : "team"));
        return TypedResults.Ok(view);
    }
}
