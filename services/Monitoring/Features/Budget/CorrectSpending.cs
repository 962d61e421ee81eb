namespace Cro.Monitoring.Features.Budget;

/// <summary>
/// PUT /api/monitoring/budget/spending/{id} — the finance staff correct a booked line: checked as a new one (against the
/// plan without the line's old amount); the line keeps who entered it, records who corrected it and when, and its previous
/// state is kept in its history. 400 naming the field and nothing written; 404 for an unknown line.
/// </summary>
public static class CorrectSpending
{
    public static RouteHandlerBuilder MapCorrectSpending(this IEndpointRouteBuilder api) => api
        .MapPut("/budget/spending/{id:guid}", HandleAsync)
        .WithName("CorrectBudgetSpending").WithSummary("Popraw wydatek / Correct a line of spending")
        .Produces<SpendingLineView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
        .RequireAuthorization(Policies.Finance);

    private static async Task<IResult> HandleAsync(Guid id, SpendingLine line, HttpContext context, DataSession session, TimeProvider time)
    {
        await BudgetBook.LockSpendingAsync(session);
        if ((await SpendingLineView.ReadAsync(session, "WHERE id = @id", new { id })).SingleOrDefault() is not { } old)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego wydatku.", "There is no such line of spending.");
        }
        var book = await BudgetBook.ReadAsync(session);
        var checkedLine = SpendingRules.AgainstPlan(book, [line.Check(book)], await BudgetBook.SpentAsync(session, except: id)).Single();
        if (!checkedLine.Valid)
        {
            return ProblemDetailsDefaults.ValidationProblem(checkedLine.Errors.GroupBy(e => e.Field)
                .ToDictionary(g => g.Key, g => g.Select(e => Text.Pick(e.Pl, e.En)).ToArray()));
        }
        var (by, at) = (context.User.PersonId()!.Value, time.GetUtcNow());
        await session.ExecuteAsync("""
            INSERT INTO budget_spending_history (spending_id, task, month, amount, eu, national, document, description, written_by, written_at, replaced_by, replaced_at)
            SELECT id, task, month, amount, eu, national, document, description, coalesce(corrected_by, entered_by), coalesce(corrected_at, entered_at), @by, @at
            FROM budget_spending WHERE id = @id;
            UPDATE budget_spending SET task = @task, month = @month, amount = @amount, eu = @eu, national = @national, document = @document,
                description = @description, corrected_by = @by, corrected_at = @at
            WHERE id = @id;
            """, new { id, by, at, task = checkedLine.Task, month = checkedLine.Month, amount = checkedLine.Amount, eu = checkedLine.Eu,
                national = checkedLine.National, document = checkedLine.Document, description = checkedLine.Description });
        var view = (await SpendingLineView.ReadAsync(session, "WHERE id = @id", new { id })).Single();
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
