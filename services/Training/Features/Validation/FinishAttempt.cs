namespace Cro.Training.Features.Validation;

/// <summary>
/// POST /api/training/attempts/{id}/finish — the participant hands the test in and gets the score. After the
/// time limit it scores what was saved in time. Finishing a finished attempt answers the same result again, so
/// a retry after a lost connection is harmless. GET /api/training/attempts/{id} — one of the caller's attempts.
/// </summary>
public static class FinishAttempt
{
    public static IEndpointRouteBuilder MapFinishAttempt(this IEndpointRouteBuilder api)
    {
        api.MapPost("/attempts/{id:guid}/finish", FinishAsync)
            .WithName("FinishTest").WithSummary("Zakończ test / Finish a test")
            .Produces<AttemptView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Person);
        api.MapGet("/attempts/{id:guid}", GetAsync)
            .WithName("GetAttempt").WithSummary("Podejście do testu / A test attempt")
            .Produces<AttemptView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Person);
        return api;
    }

    private static Task<IResult> FinishAsync(Guid id, HttpContext context, DataSession session, IPostTestObserver observer, TimeProvider time) =>
        ShowAsync(id, context, session, observer, time, finish: true);

    private static Task<IResult> GetAsync(Guid id, HttpContext context, DataSession session, IPostTestObserver observer, TimeProvider time) =>
        ShowAsync(id, context, session, observer, time, finish: false);

    /// <summary>
    /// The caller's attempt as it stands, finished first when <paramref name="finish"/> asks or when its time is up
    /// (then it is scored with what was saved in time).
    /// </summary>
    private static async Task<IResult> ShowAsync(Guid id, HttpContext context, DataSession session, IPostTestObserver observer, TimeProvider time,
        bool finish)
    {
        var now = time.GetUtcNow();
        if (await AttemptRow.FindMineAsync(session, context.User, id, forUpdate: true) is not { } attempt)
        {
            return AttemptRow.NotFound();
        }
        if (!attempt.IsFinished && (finish || attempt.HasClosed(now)))
        {
            attempt = await AttemptFinisher.FinishAsync(session, attempt, now, observer);
        }
        var view = await AttemptViews.ReadAsync(session, attempt, now);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
