using Cro.Monitoring.Features.Budget;

namespace Cro.Monitoring.Tests;

/// <summary>The budget's endpoints and the people who call them, for the budget tests.</summary>
public static class Budgets
{
    public const string Api = $"{Diagnoses.Api}/budget";
    public const string Spending = $"{Api}/spending";
    public const string Dashboard = $"{Api}/dashboard";
    public const string Imports = $"{Api}/imports";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>ORE's finance staff; <paramref name="id"/> to recognise them in who entered or corrected a line.</summary>
    public static HttpClient Finance(this MonitoringService service, Guid? id = null) =>
        service.ClientWith(TestTokens.Person(id ?? Guid.CreateVersion7(), [Cro.ServiceDefaults.Security.Roles.Finance], email: $"{Guid.NewGuid():N}@ore.example.pl", name: "Księgowa Testowa"));

    public static object Line(int task, string month, decimal amount, decimal? eu = null, decimal? national = null, string document = "FV/1/2024",
        string? description = null) => new { task, month, amount, eu, national, document, description };

    public static Task<HttpResponseMessage> BookAsync(this HttpClient finance, params object[] lines) =>
        finance.PostAsJsonAsync(Spending, new { lines }, Ct);

    public static async Task<BudgetDashboard.Dashboard> DashboardAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<BudgetDashboard.Dashboard>(Dashboard, Ct))!;

    public static Task<HttpResponseMessage> PreviewAsync(this HttpClient finance, string csv, string fileName = "wydatki.csv") =>
        finance.PostAsJsonAsync(Imports, new { fileName, csv }, Ct);

    /// <summary>What the task has booked in the year, as the dashboard says.</summary>
    public static decimal Spent(this BudgetDashboard.Dashboard dashboard, int task, int year) =>
        dashboard.Years.SingleOrDefault(y => y.Task == task && y.Year == year)?.Spent.Amount ?? 0m;
}
