using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Features.Partner;

public static class PartnerApi
{
    /// <summary>The partner's drafts start in a round, so the API reference shows them among the rounds' operations.</summary>
    public static IEndpointRouteBuilder MapPartnerApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/recruitment").WithTags(RoundsApi.Tag).MapPartnerDrafts();
        return app;
    }
}
