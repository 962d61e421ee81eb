using Cro.Training.Features.Access;
using Cro.Training.Features.Teams;

namespace Cro.Training.Features.Sessions;

/// <summary>
/// GET /api/training/sessions/{id}/check-in-code — the code a trainer shows in the room or the meeting, and
/// when it works: from a quarter of an hour before the start to the end. For the cohort's trainers and operators.
/// </summary>
public static class CheckInCode
{
    public sealed record CheckInCodeResponse(string Code, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil);

    public static RouteHandlerBuilder MapCheckInCode(this IEndpointRouteBuilder api) => api
        .MapGet("/sessions/{id:guid}/check-in-code", HandleAsync)
        .WithName("CheckInCode")
        .WithSummary("Kod obecności na zajęciach / A session's check-in code")
        .Produces<CheckInCodeResponse>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.TrainerOrOperator);

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, DataSession session)
    {
        var found = await SessionModules.FindAsync(session, id);
        if (found is null || !await CohortAccess.RunsAsync(session, Caller.From(context.User), found.CohortId))
        {
            return SessionModules.NotFound();
        }
        return TypedResults.Ok(new CheckInCodeResponse(found.CheckInCode, WarsawTime.InWarsaw(found.OpensAt), WarsawTime.InWarsaw(found.EndsAt)));
    }
}
