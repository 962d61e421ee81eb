namespace Cro.Monitoring.Features.Budget;

/// <summary>The project's own budget: the plan from the card, spending booked by ORE's finance staff, the dashboard and its report.</summary>
public static class BudgetApi
{
    public static void MapBudgetApi(this IEndpointRouteBuilder api)
    {
        api.MapBudgetDashboard();
        api.MapBudgetReport();
        api.MapListSpending();
        api.MapEnterSpending();
        api.MapCorrectSpending();
        api.MapSpendingImports();
    }
}
