using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Features.Proposals;

/// <summary>
/// POST /api/publishing/proposals — a trainer, an advisor or ORE proposes that a JST describe something it did as a good
/// practice (what, and why it is worth describing). The JST's task team sees it and may start a draft from it. Announced
/// as GoodPracticeProposed (a mail to the team's current members).
/// </summary>
public static class ProposePractice
{
    [OpenApiSchemaName("GoodPracticeProposalRequest")]
    public sealed record ProposalRequest(
        [property: FieldLabel("Kod TERC JST", "TERC code of the JST")] string JstTerc,
        [property: FieldLabel("Co warto opisać", "What is worth describing")] string Title,
        [property: FieldLabel("Dlaczego warto", "Why it is worth it")] string Description);

    public sealed class Validator : AbstractValidator<ProposalRequest>
    {
        public Validator()
        {
            RuleFor(r => r.JstTerc).Matches("^[0-9]{2}([0-9]{2}([0-9]{3})?)?$")
                .WithMessage(_ => Text.Pick("Podaj kod TERC JST (2, 4 albo 7 cyfr).", "Give the JST's TERC code (2, 4 or 7 digits)."));
            RuleFor(r => r.Title).RequiredText(200)
                .WithMessage(_ => Text.Pick("Napisz, co JST mogłaby opisać (do 200 znaków).", "Say what the JST could describe (up to 200 characters)."));
            RuleFor(r => r.Description).RequiredText(PracticeTemplateValidator.MediumText)
                .WithMessage(_ => Text.Pick($"Napisz, dlaczego warto to opisać (do {PracticeTemplateValidator.MediumText} znaków).",
                    $"Say why it is worth describing (up to {PracticeTemplateValidator.MediumText} characters)."));
        }
    }

    public static RouteHandlerBuilder MapProposePractice(this IEndpointRouteBuilder api) => api
        .MapPost("/proposals", HandleAsync)
        .WithName("ProposePractice").WithSummary("Zaproponuj JST opisanie dobrej praktyki / Propose that a JST describe a good practice")
        .Validate<ProposalRequest>().Produces<ProposalView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.ProgrammeStaff);

    private static async Task<IResult> HandleAsync(ProposalRequest request, HttpContext context, DataSession session, PracticeNotices notices, TimeProvider time)
    {
        // A proposal goes to any JST of the registry (a trainer's or advisor's scope may not hold it): the proposer writes
        // it into that JST's rows, and no more.
        await session.ChangeScopeAsync(JstScope.Of([request.JstTerc]));
        if (await Registry.JstRegistry.FindAsync(session, request.JstTerc) is not { } jst)
        {
            return Registry.JstRegistry.NotFound(request.JstTerc);
        }
        var caller = Caller.From(context.User);
        var role = caller.IsOperator ? "operator" : caller.IsAdvisor ? "advisor" : "trainer";
        var (id, now) = (Guid.CreateVersion7(), time.GetUtcNow());
        await session.ExecuteAsync("""
            INSERT INTO practice_proposals (id, jst_terc, title, description, proposed_by, proposed_by_name, proposed_by_role, proposed_at)
            VALUES (@id, @terc, @title, @description, @by, @name, @role, @now)
            """, new
        {
            id, terc = jst.Terc, title = request.Title.Trim(), description = request.Description.Trim(), by = caller.UserId, name = caller.DisplayName, role,
            now = now.ToUniversalTime(),
        });
        var team = await Registry.TeamMembers.OfJstAsync(session, jst.Terc);
        await session.EnqueueAsync(new GoodPracticeProposed
        {
            ProposalId = id, JstTerc = jst.Terc, JstName = jst.Name, Title = request.Title.Trim(), Description = request.Description.Trim(),
            ProposedByName = caller.DisplayName, ProposedByRole = role,
            Team = [.. team.Select(m => new GoodPracticePerson { MemberId = m.MemberId, FullName = m.FullName, Email = m.Email })],
            PlatformUrl = notices.PlatformUrl, ProposedAt = now,
        });
        var view = (await ProposalView.FindAsync(session, id))!;
        await session.CommitAsync();
        return TypedResults.Created($"/api/publishing/proposals/{id}", view);
    }
}
