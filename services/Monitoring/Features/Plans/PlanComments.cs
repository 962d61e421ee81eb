namespace Cro.Monitoring.Features.Plans;

/// <summary>
/// The advisor's comments on a plan's version being written (a draft, in consultation, revised) — on the whole plan or on
/// one of its priorities, goals, actions or risks — and the team's resolution of each. GET /api/monitoring/plans/{id}/comments
/// (every version's; the team, its advisor, ORE); POST …/comments (the advisor or ORE; 409 on an adopted version, 400 for an
/// item the version lacks); POST …/comments/{commentId}/resolve (the team, once). A version is adopted with every comment resolved.
/// </summary>
public static class PlanComments
{
    /// <param name="ItemId">The priority, goal, action or risk commented on; null for the whole plan.</param>
    [OpenApiSchemaName("PlanCommentRequest")]
    public sealed record CommentRequest(Guid? ItemId, [property: FieldLabel("Uwaga", "Comment")] string Text);

    [OpenApiSchemaName("PlanCommentResolution")]
    public sealed record ResolveRequest([property: FieldLabel("Rozstrzygnięcie uwagi", "Resolution of the comment")] string Resolution);

    /// <param name="Version">The version commented on.</param>
    /// <param name="Resolution">How the team resolved it; null while open.</param>
    [OpenApiSchemaName("PlanComment")]
    public sealed record CommentView(Guid Id, int Version, Guid? ItemId, string Text, Guid? Author, DateTimeOffset CreatedAt, string? Resolution,
        DateTimeOffset? ResolvedAt);

    public sealed class CommentValidator : AbstractValidator<CommentRequest>
    {
        public CommentValidator() => RuleFor(r => r.Text).RequiredText(4000)
            .WithMessage(_ => Text.Pick("Napisz uwagę (do 4000 znaków).", "Write the comment (up to 4000 characters)."));
    }

    public sealed class ResolveValidator : AbstractValidator<ResolveRequest>
    {
        public ResolveValidator() => RuleFor(r => r.Resolution).RequiredText(4000)
            .WithMessage(_ => Text.Pick("Napisz, jak rozstrzygnięto uwagę (do 4000 znaków).", "Write how the comment was resolved (up to 4000 characters)."));
    }

    private const string Select = """
        SELECT c.id, v.number AS version, c.item_id, c.text, c.author, c.created_at, c.resolution, c.resolved_at
        FROM plan_comments c JOIN plan_versions v ON v.id = c.version_id
        """;

    public static IEndpointRouteBuilder MapPlanComments(this IEndpointRouteBuilder api)
    {
        api.MapGet("/plans/{id:guid}/comments", ListAsync)
            .WithName("ListPlanComments").WithSummary("Uwagi doradcy do planu / The advisor's comments on the plan")
            .Produces<IReadOnlyList<CommentView>>().ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.AdvisoryParty);
        api.MapPost("/plans/{id:guid}/comments", CommentAsync)
            .WithName("CommentPlan").WithSummary("Zgłoś uwagę do planu / Comment on the plan")
            .Validate<CommentRequest>().Produces<CommentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapPost("/plans/{id:guid}/comments/{commentId:guid}/resolve", ResolveAsync)
            .WithName("ResolvePlanComment").WithSummary("Rozstrzygnij uwagę doradcy / Resolve the advisor's comment")
            .Validate<ResolveRequest>().Produces<CommentView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    private static async Task<IResult> ListAsync(Guid id, [RepeatableRead] DataSession session)
    {
        if (!await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM plans WHERE id = @id)", new { id }))
        {
            return PlanVersionRow.NotFound();
        }
        return TypedResults.Ok((await session.QueryAsync<CommentView>(Select + " WHERE v.plan_id = @id ORDER BY c.created_at, c.id", new { id })).ToList());
    }

    private static async Task<IResult> CommentAsync(Guid id, CommentRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await PlanVersionRow.LatestAsync(session, id, forUpdate: true) is not { } version)
        {
            return PlanVersionRow.NotFound();
        }
        if (version.Status is PlanStatus.Adopted or PlanStatus.Superseded)
        {
            return PlanStatus.WrongState(version.Status, "uwagi zgłasza się do wersji w przygotowaniu, w konsultacjach albo poprawianej.",
                "comments are made on a version being written, in consultation or revised.");
        }
        if (request.ItemId is { } item && !version.Document.ItemIds().Contains(item))
        {
            return Problems.Field("itemId", $"Wersja {version.Number} planu nie ma pozycji {item}.", $"Version {version.Number} of the plan has no item {item}.");
        }
        var commentId = Guid.CreateVersion7();
        await session.ExecuteAsync("""
            INSERT INTO plan_comments (id, version_id, jst_terc, item_id, text, author, created_at)
            VALUES (@commentId, @versionId, @terc, @ItemId, @text, @by, @now)
            """, new { commentId, versionId = version.Id, terc = version.JstTerc, request.ItemId, text = request.Text.Trim(), by = context.User.PersonId(),
            now = time.GetUtcNow().ToUniversalTime() });
        var view = await session.QuerySingleAsync<CommentView>(Select + " WHERE c.id = @commentId", new { commentId });
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/plans/{id}/comments/{commentId}", view);
    }

    private static async Task<IResult> ResolveAsync(Guid id, Guid commentId, ResolveRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await PlanVersionRow.ForTeamAsync(session, context.User, id) is null
            || await session.QuerySingleOrDefaultAsync<CommentView>(Select + " WHERE c.id = @commentId AND v.plan_id = @id FOR UPDATE OF c",
                new { id, commentId }) is not { } comment)
        {
            return ProblemDetailsDefaults.NotFound("Plan nie ma takiej uwagi.", "The plan has no such comment.");
        }
        if (comment.ResolvedAt is not null)
        {
            return Problems.Conflict("Uwaga jest już rozstrzygnięta.", "The comment is resolved already.",
                "Rozstrzygnięcia uwagi się nie zmienia; odpowiedz w kolejnej wersji planu.", "A resolution is not changed; answer in the plan's next version.");
        }
        await session.ExecuteAsync("UPDATE plan_comments SET resolution = @resolution, resolved_by = @by, resolved_at = @now WHERE id = @commentId",
            new { commentId, resolution = request.Resolution.Trim(), by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime() });
        var view = await session.QuerySingleAsync<CommentView>(Select + " WHERE c.id = @commentId", new { commentId });
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
