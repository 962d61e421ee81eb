using Cro.ServiceDefaults.Security;
using Cro.Training.Features.Access;
using Cro.Training.Features.Cohorts;
using Npgsql;
using Cro.ServiceDefaults;

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

    private static async Task<IResult> HandleAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await TrainingScope.SetAsync(transaction, context.User, ct);
        var session = await SessionModules.FindAsync(transaction, id, ct);
        if (session is null || await CohortAccess.RoleAsync(transaction, Caller.From(context.User), session.CohortId, ct)
                is not (CohortRole.Trainer or CohortRole.Operator))
        {
            return SessionModules.NotFound();
        }
        return TypedResults.Ok(new CheckInCodeResponse(session.CheckInCode, WarsawTime.InWarsaw(session.OpensAt), WarsawTime.InWarsaw(session.EndsAt)));
    }
}
