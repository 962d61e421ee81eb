namespace Cro.Publishing.Features.Practices;

/// <summary>
/// PUT /api/publishing/practices/{id}?revision=N — the JST's team saves the whole text of its practice (a draft, returned for
/// changes, or withdrawn from the catalogue), naming the revision it changed: a save over someone else's newer one is a 409
/// (nothing lost silently). Each invalid field answers 400 at its name (an unknown topic at <c>topics[0]</c>).
/// </summary>
public static class SavePractice
{
    public static RouteHandlerBuilder MapSavePractice(this IEndpointRouteBuilder api) => api
        .MapPut("/practices/{id:guid}", (Guid id, int revision, PracticeTemplate template, HttpContext context, DataSession session, TimeProvider time) =>
            SaveAsync(session, PracticeWriter.Team(context.User), id, revision, template, time.GetUtcNow()))
        .WithName("SavePractice").WithSummary("Zapisz opis dobrej praktyki / Save the good practice's text")
        .Validate<PracticeTemplate>().Produces<PracticeView>()
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.JstTeam);

    /// <summary>The save, committed; for the team's operation and the partner's alike.</summary>
    public static async Task<IResult> SaveAsync(DataSession session, PracticeWriter writer, Guid id, int revision, PracticeTemplate template, DateTimeOffset now)
    {
        if (await writer.FindForChangeAsync(session, id) is not { } practice)
        {
            return PracticeRow.NotFound();
        }
        if (!PracticeStatus.IsEditable(practice.Status))
        {
            return PracticeStatus.NotEditable(practice.Status);
        }
        if (practice.Revision != revision)
        {
            return Problems.Conflict("Praktyka zmieniła się w międzyczasie.", "The practice changed meanwhile.",
                $"Zapisujesz zmiany wersji roboczej {revision}, a praktyka ma już wersję {practice.Revision} (zapisał ją ktoś inny); wczytaj ją ponownie.",
                $"You save changes to revision {revision}, but the practice is at revision {practice.Revision} (someone else saved it); load it again.");
        }
        var lead = practice.AuthorList.FirstOrDefault(a => a.Lead);
        var (authors, refusal) = await PracticeAuthors.ResolveAsync(session, practice.JstTerc, writer, lead, template.Authors);
        if (authors is null)
        {
            return refusal!;
        }
        await session.ExecuteAsync("""
            UPDATE practices SET template = @template::jsonb, authors = @authors::jsonb, revision = revision + 1, updated_by = @by, updated_at = @now
            WHERE id = @id
            """, new { id, template = PracticeRow.ToJson(template.Normalised()), authors = PracticeRow.ToJson(authors), by = writer.UserId, now = now.ToUniversalTime() });
        var view = (await PracticeView.FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
