namespace Cro.Monitoring.Features.Budget;

/// <summary>GET /api/monitoring/budget/spending?task=&amp;year= — the lines booked, by month, for the finance staff.</summary>
public static class ListSpending
{
    public static RouteHandlerBuilder MapListSpending(this IEndpointRouteBuilder api) => api
        .MapGet("/budget/spending", HandleAsync)
        .WithName("ListBudgetSpending").WithSummary("Wydatki projektu / The project's spending")
        .Produces<List<SpendingLineView>>()
        .RequireAuthorization(Policies.Finance);

    private static async Task<IResult> HandleAsync(DataSession session, int? task = null, int? year = null) =>
        TypedResults.Ok(await SpendingLineView.ReadAsync(session, """
            WHERE (@task::int IS NULL OR task = @task) AND (@year::int IS NULL OR extract(year FROM month) = @year)
            ORDER BY month DESC, task, entered_at DESC
            """, new { task, year }));
}
