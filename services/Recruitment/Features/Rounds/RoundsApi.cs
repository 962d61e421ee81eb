using Cro.Recruitment.Features.Marginalisation;
using Cro.Recruitment.Features.Partner;

namespace Cro.Recruitment.Features.Rounds;

public static class RoundsApi
{
    public static IEndpointRouteBuilder MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/recruitment").WithTags("Nabory / Recruitment rounds");
        api.MapGetRounds();
        api.MapRoundRulesDocument();
        api.MapCreateRound();
        api.MapChangeScoringRules();
        api.MapRoundStatistics();
        api.MapAcceptedJst();
        api.MapImportMarginalisationList();
        api.MapPartnerDrafts();
        return app;
    }
}
