using Cro.Recruitment.Features.Marginalisation;

namespace Cro.Recruitment.Features.Rounds;

public static class RoundsApi
{
    /// <summary>The heading of the rounds' operations in the API reference (the partner's drafts for a round stand under it too).</summary>
    public const string Tag = "Nabory / Recruitment rounds";

    public static IEndpointRouteBuilder MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/recruitment").WithTags(Tag);
        api.MapGetRounds();
        api.MapRoundRulesDocument();
        api.MapCreateRound();
        api.MapChangeScoringRules();
        api.MapRoundStatistics();
        api.MapAcceptedJst();
        api.MapImportMarginalisationList();
        return app;
    }
}
