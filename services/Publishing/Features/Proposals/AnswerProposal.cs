using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Features.Proposals;

/// <summary>
/// The JST's team answers a proposal to its JST. POST /api/publishing/proposals/{id}/draft — starts a draft practice from it
/// with the proposal's title, linked to it; POST …/decline — declines it with a reason. An answered
/// proposal is a 409; another JST's, 404.
/// </summary>
public static class AnswerProposal
{
    [OpenApiSchemaName("ProposalDeclineRequest")]
    public sealed record DeclineRequest([property: FieldLabel("Powód", "Reason")] string Reason);

    public sealed class DeclineValidator : AbstractValidator<DeclineRequest>
    {
        public DeclineValidator() => RuleFor(r => r.Reason).RequiredText(2000)
            .WithMessage(_ => Text.Pick("Napisz, dlaczego zespół nie opisze tej praktyki (do 2000 znaków).", "Say why the team will not describe it (up to 2000 characters)."));
    }

    public static IEndpointRouteBuilder MapAnswerProposal(this IEndpointRouteBuilder api)
    {
        api.MapPost("/proposals/{id:guid}/draft", DraftAsync)
            .WithName("DraftFromProposal").WithSummary("Rozpocznij opis praktyki z propozycji / Start a practice from the proposal")
            .Produces<PracticeView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPost("/proposals/{id:guid}/decline", DeclineAsync)
            .WithName("DeclineProposal").WithSummary("Odrzuć propozycję / Decline the proposal")
            .Validate<DeclineRequest>().Produces<ProposalView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    /// <summary>The team's open proposal, locked; else the refusal.</summary>
    private static async Task<(ProposalView? Proposal, IResult? Refusal)> OpenOfTeamAsync(DataSession session, HttpContext context, Guid id)
    {
        if (await ProposalView.FindAsync(session, id, forUpdate: true) is not { } proposal || proposal.JstTerc != context.User.JstTerc())
        {
            return (null, ProposalView.NotFound());
        }
        if (proposal.Status != ProposalView.Open)
        {
            return (null, Problems.Conflict("Propozycja ma już odpowiedź.", "The proposal is answered already.",
                "Zespół już rozpoczął z niej praktykę albo ją odrzucił.", "The team started a practice from it or declined it already."));
        }
        return (proposal, null);
    }

    private static async Task<IResult> DraftAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        var (proposal, refusal) = await OpenOfTeamAsync(session, context, id);
        if (proposal is null)
        {
            return refusal!;
        }
        var now = time.GetUtcNow();
        var (view, failed) = await StartPractice.CreateAsync(session, PracticeWriter.Team(context.User), proposal.JstTerc,
            new PracticeTemplate(proposal.Title), proposal.Id, now);
        if (view is null)
        {
            return failed!;
        }
        await session.ExecuteAsync("""
            UPDATE practice_proposals SET status = 'taken', practice_id = @practiceId, answered_by = @by, answered_at = @now WHERE id = @id
            """, new { id, practiceId = view.Id, by = context.User.PersonId(), now = now.ToUniversalTime() });
        await session.CommitAsync();
        return TypedResults.Created($"/api/publishing/practices/{view.Id}", view);
    }

    private static async Task<IResult> DeclineAsync(Guid id, DeclineRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var (proposal, refusal) = await OpenOfTeamAsync(session, context, id);
        if (proposal is null)
        {
            return refusal!;
        }
        await session.ExecuteAsync("""
            UPDATE practice_proposals SET status = 'declined', decline_reason = @reason, answered_by = @by, answered_at = @now WHERE id = @id
            """, new { id, reason = request.Reason.Trim(), by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime() });
        var view = (await ProposalView.FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
