namespace Cro.Publishing.Features.Practices;

/// <summary>
/// POST /api/publishing/practices — a member of a JST's task team starts a good practice of their JST: a draft with at
/// least its title, its other fields as far as they are written; they are its lead author, and the team members they name
/// its co-authors. (A partner starts one through its own operation, <see cref="CreateAsync"/> being the same.)
/// </summary>
public static class StartPractice
{
    public static RouteHandlerBuilder MapStartPractice(this IEndpointRouteBuilder api) => api
        .MapPost("/practices", HandleAsync)
        .WithName("StartPractice").WithSummary("Rozpocznij opis dobrej praktyki JST / Start describing the JST's good practice")
        .Validate<PracticeTemplate>().Produces<PracticeView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.JstTeam);

    private static async Task<IResult> HandleAsync(PracticeTemplate template, HttpContext context, DataSession session, TimeProvider time)
    {
        if (context.User.JstTerc() is not { } terc || !session.Scope.CanSee(terc))
        {
            return Problems.Forbidden("Konto nie jest przypisane do JST.", "The account is not assigned to a JST.");
        }
        var (view, refusal) = await CreateAsync(session, PracticeWriter.Team(context.User), terc, template, proposalId: null, time.GetUtcNow());
        if (view is null)
        {
            return refusal!;
        }
        await session.CommitAsync();
        return TypedResults.Created($"/api/publishing/practices/{view.Id}", view);
    }

    /// <summary>Writes a new draft of <paramref name="terc"/>'s practice (uncommitted); a refusal when the JST or a co-author is unknown.</summary>
    public static async Task<(PracticeView? View, IResult? Refusal)> CreateAsync(DataSession session, PracticeWriter writer, string terc,
        PracticeTemplate template, Guid? proposalId, DateTimeOffset now)
    {
        await writer.OpenAsync(session);
        if (!await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM jst WHERE terc = @terc)", new { terc }))
        {
            return (null, Registry.JstRegistry.NotFound(terc));
        }
        var (authors, refusal) = await PracticeAuthors.ResolveAsync(session, terc, writer, await writer.LeadAsync(session, terc), template.Authors);
        if (authors is null)
        {
            return (null, refusal);
        }
        var id = Guid.CreateVersion7();
        await session.ExecuteAsync($"""
            INSERT INTO practices (id, jst_terc, status, template, authors, proposal_id, created_by, created_by_client, created_at, updated_by, updated_at)
            VALUES (@id, @terc, '{PracticeStatus.Draft}', @template::jsonb, @authors::jsonb, @proposalId, @by, @client, @now, @by, @now)
            """, new
        {
            id, terc, template = PracticeRow.ToJson(template.Normalised()), authors = PracticeRow.ToJson(authors), proposalId, by = writer.UserId,
            client = writer.ClientId, now = now.ToUniversalTime(),
        });
        return (await PracticeView.FindAsync(session, id), null);
    }
}
