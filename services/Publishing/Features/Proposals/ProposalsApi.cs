namespace Cro.Publishing.Features.Proposals;

/// <summary>Proposals from trainers, advisors and ORE that a JST describe a good practice, and the team's answers.</summary>
public static class ProposalsApi
{
    public static IEndpointRouteBuilder MapProposalsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/publishing").WithTags("Propozycje dobrych praktyk / Good practice proposals");
        api.MapProposePractice();
        api.MapListProposals();
        api.MapAnswerProposal();
        return app;
    }
}
