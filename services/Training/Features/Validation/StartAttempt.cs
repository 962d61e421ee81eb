using Cro.Training.Features.Access;
using Dapper;

namespace Cro.Training.Features.Validation;

/// <summary>
/// POST /api/training/me/modules/{code}/tests/{kind} — a participant starts the module's pre-test or
/// post-test (201), or gets back the attempt they have in progress (200), so a page reloaded after a lost
/// connection resumes where it was. GET …/tests/{kind} — the attempt in progress (404: none). A new attempt
/// shows the bank's questions, and the options of each, in an order shuffled for it and kept with it.
/// Refused with 409: the test's window is closed, no attempt is left (one pre-test, two post-tests), or the
/// module has no questions yet.
/// </summary>
public static class StartAttempt
{
    public static IEndpointRouteBuilder MapStartAttempt(this IEndpointRouteBuilder api)
    {
        api.MapPost("/me/modules/{code}/tests/{kind}", StartAsync)
            .WithName("StartTest").WithSummary("Rozpocznij lub wznów test / Start or resume a test")
            .Produces<AttemptView>(StatusCodes.Status201Created).Produces<AttemptView>()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Person);
        api.MapGet("/me/modules/{code}/tests/{kind}", CurrentAsync)
            .WithName("CurrentTest").WithSummary("Test w toku / The test in progress")
            .Produces<AttemptView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Person);
        return api;
    }

    private static Task<IResult> StartAsync(string code, string kind, HttpContext context, DataSession session, IPostTestObserver observer,
        TimeProvider time) =>
        WithPlaceAsync(code, kind, context, session, async place =>
        {
            var now = time.GetUtcNow();
            // The participant's row is locked, so two starts at once (a double click) make one attempt.
            await session.ExecuteAsync("SELECT 1 FROM participants WHERE id = @Id FOR UPDATE", new { place.Participant.Id });
            var attempts = await AttemptsAsync(session, place.Participant.Id, code, kind);
            if (attempts.FirstOrDefault(a => !a.IsFinished) is { } open)
            {
                if (!open.HasClosed(now))
                {
                    var resumed = await AttemptViews.ReadAsync(session, open, now);
                    await session.CommitAsync();
                    return TypedResults.Ok(resumed);
                }
                await AttemptFinisher.FinishAsync(session, open, now, observer);
            }
            if (attempts.Count >= TestKind.MaxAttempts(kind))
            {
                await session.CommitAsync();
                return Problems.Conflict("Nie ma już podejść do tego testu.", "No attempt at this test is left.",
                    kind == TestKind.Pre ? "Pre-test rozwiązuje się raz." : "Post-test można rozwiązać najwyżej dwa razy; liczy się lepszy wynik.",
                    kind == TestKind.Pre ? "The pre-test is taken once." : "The post-test may be taken at most twice; the better score counts.");
            }
            if (place.ClosedRefusal(kind, now) is { } closed)
            {
                await session.CommitAsync();
                return closed;
            }
            var bank = await QuestionStore.ReadAsync(session, code, null);
            if (bank.Count == 0)
            {
                await session.CommitAsync();
                return Problems.Conflict("Test nie jest jeszcze gotowy.", "The test is not ready yet.",
                    $"Moduł {code} nie ma jeszcze pytań.", $"Module {code} has no questions yet.");
            }
            var limit = (await QuestionStore.LimitsAsync(session, code)).For(kind);
            var id = Guid.CreateVersion7();
            await session.ExecuteAsync("""
                INSERT INTO attempts (id, participant_id, jst_terc, cohort_id, module_code, kind, number, questions, started_at, closes_at)
                VALUES (@id, @participantId, @jstTerc, @CohortId, @code, @kind, @number, @questions::jsonb, @now, @closesAt)
                """, new
            {
                id, participantId = place.Participant.Id, jstTerc = place.Participant.JstTerc, place.CohortId, code, kind, number = attempts.Count + 1,
                questions = System.Text.Json.JsonSerializer.Serialize(Shuffle(bank), AttemptRow.Json), now = now.ToUniversalTime(),
                closesAt = ClosesAt(kind, limit, place, now)?.ToUniversalTime(),
            });
            var attempt = (await AttemptsAsync(session, place.Participant.Id, code, kind)).Single(a => a.Id == id);
            var view = await AttemptViews.ReadAsync(session, attempt, now);
            await session.CommitAsync();
            return TypedResults.Created($"/api/training/attempts/{id}", view);
        });

    private static Task<IResult> CurrentAsync(string code, string kind, HttpContext context, DataSession session, IPostTestObserver observer,
        TimeProvider time) =>
        WithPlaceAsync(code, kind, context, session, async place =>
        {
            var now = time.GetUtcNow();
            if ((await AttemptsAsync(session, place.Participant.Id, code, kind, forUpdate: true)).FirstOrDefault(a => !a.IsFinished) is not { } open)
            {
                return ProblemDetailsDefaults.NotFound("Nie masz tego testu w toku.", "You have no attempt at this test in progress.");
            }
            if (open.HasClosed(now))
            {
                // Time is up: the attempt is scored with what was saved in time, and shown finished.
                open = await AttemptFinisher.FinishAsync(session, open, now, observer);
            }
            var view = await AttemptViews.ReadAsync(session, open, now);
            await session.CommitAsync();
            return TypedResults.Ok(view);
        });

    /// <summary>Runs <paramref name="handle"/> for the caller's place in the module's test, in the session under their scope, or answers why there is none.</summary>
    private static async Task<IResult> WithPlaceAsync(string code, string kind, HttpContext context, DataSession session, Func<TestPlace, Task<IResult>> handle)
    {
        if (!TestKind.All.Contains(kind))
        {
            return UnknownKind();
        }
        var (place, refusal) = await TestPlace.FindAsync(session, Caller.From(context.User), code);
        return place is null ? refusal! : await handle(place);
    }

    private static async Task<IReadOnlyList<AttemptRow>> AttemptsAsync(DataSession session, Guid participantId, string moduleCode, string kind,
        bool forUpdate = false) =>
        (await session.QueryAsync<AttemptRow>(
            AttemptRow.Select + " WHERE participant_id = @participantId AND module_code = @moduleCode AND kind = @kind ORDER BY number"
            + (forUpdate ? " FOR UPDATE" : ""), new { participantId, moduleCode, kind })).AsList();

    /// <summary>The bank's questions, and each one's options, in a new random order.</summary>
    private static List<ShownQuestion> Shuffle(IReadOnlyList<QuestionView> bank)
    {
        var questions = bank.Select(q =>
        {
            var options = q.Options.Select(o => new ShownOption(o.Id, o.Text, o.IsCorrect)).ToArray();
            Random.Shared.Shuffle(options);
            return new ShownQuestion(q.Id, q.OutcomeCode, q.Kind, q.Text, q.Explanation, options);
        }).ToArray();
        Random.Shared.Shuffle(questions);
        return [.. questions];
    }

    /// <summary>The end of the time limit; a pre-test closes at the module's first session at the latest.</summary>
    private static DateTimeOffset? ClosesAt(string kind, int? minutes, TestPlace place, DateTimeOffset now)
    {
        DateTimeOffset? closes = minutes is { } m ? now.AddMinutes(m) : null;
        if (kind == TestKind.Pre && place.FirstStartsAt is { } first && (closes is null || first < closes))
        {
            closes = first;
        }
        return closes;
    }

    private static IResult UnknownKind() => ProblemDetailsDefaults.NotFound("Test to pre albo post.", "A test is pre or post.");
}
