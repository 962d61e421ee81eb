using Cro.Recruitment.Features.Review;
using Cro.Recruitment.Features.TaskTeams;

namespace Cro.Recruitment.Features.Decisions;

public static class DecisionsApi
{
    public static IEndpointRouteBuilder MapDecisionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/recruitment").WithTags("Decyzje / Decisions");
        api.MapDecideApplication();
        api.MapWithdrawApplication();
        api.MapListApplications();
        api.MapReplaceTeamMember();
        api.MapFormalCheck();
        api.MapAdjustScore();
        api.MapReviewRecord();
        api.MapMyJstApplications();
        api.MapBulkDecision();
        api.MapExportApplications();
        return app;
    }
}
