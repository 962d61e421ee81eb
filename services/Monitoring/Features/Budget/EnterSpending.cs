namespace Cro.Monitoring.Features.Budget;

/// <summary>
/// POST /api/monitoring/budget/spending — ORE's finance staff book lines of spending (one or many at once): each line's own
/// checks (<see cref="SpendingRules"/>), then all of them with what is booked already against the plan of each task and
/// year. Any line wrong: 400 naming its fields (<c>lines[i].field</c>), and none of the lines is written.
/// </summary>
public static class EnterSpending
{
    public const int MaxLines = 500;

    [OpenApiSchemaName("BudgetSpendingRequest")]
    public sealed record SpendingRequest([property: FieldLabel("Wydatki", "Spending lines")] List<SpendingLine>? Lines);

    public sealed class Validator : AbstractValidator<SpendingRequest>
    {
        public Validator() => RuleFor(r => r.Lines).NotEmpty()
            .WithMessage(_ => Text.Pick("Podaj co najmniej jeden wydatek.", "Give at least one line of spending."))
            .Must(l => l is null || l.Count <= MaxLines)
            .WithMessage(_ => Text.Pick($"Najwyżej {MaxLines} wydatków naraz.", $"At most {MaxLines} lines at once."));
    }

    public static RouteHandlerBuilder MapEnterSpending(this IEndpointRouteBuilder api) => api
        .MapPost("/budget/spending", HandleAsync)
        .WithName("EnterBudgetSpending").WithSummary("Zapisz wydatki projektu / Book the project's spending")
        .Validate<SpendingRequest>().Produces<List<SpendingLineView>>(StatusCodes.Status201Created)
        .RequireAuthorization(Policies.Finance);

    private static async Task<IResult> HandleAsync(SpendingRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        await BudgetBook.LockSpendingAsync(session);
        var book = await BudgetBook.ReadAsync(session);
        var lines = SpendingRules.AgainstPlan(book, [.. request.Lines!.Select(l => (l ?? Empty).Check(book))], await BudgetBook.SpentAsync(session));
        if (lines.Any(l => !l.Valid))
        {
            return ProblemDetailsDefaults.ValidationProblem(SpendingRules.Errors(lines));
        }
        var (by, at) = (context.User.PersonId()!.Value, time.GetUtcNow());
        var ids = new List<Guid>();
        foreach (var line in lines)
        {
            var id = Guid.CreateVersion7();
            await SpendingRules.InsertAsync(session, id, line, null, by, at);
            ids.Add(id);
        }
        var views = await SpendingLineView.ReadAsync(session, "WHERE id = ANY(@ids) ORDER BY month, task, entered_at", new { ids = ids.ToArray() });
        await session.CommitAsync();
        return TypedResults.Created("/api/monitoring/budget/spending", views);
    }

    private static readonly SpendingLine Empty = new(null, null, null, null, null, null, null);
}
