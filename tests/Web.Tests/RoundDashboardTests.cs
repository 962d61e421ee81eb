using System.Globalization;
using System.Net;
using Cro.Web.Monitoring.Api;
using Cro.Web.Recruitment.Api;
using Cro.Web.Recruitment.Operator;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cro.Web.Tests;

/// <summary>The round dashboard as the server draws it: each chart with its numbers as text beside it.</summary>
public sealed class RoundDashboardTests
{
    private static readonly RoundView Round = new(Guid.NewGuid(), "Nabór pilotażowy", DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(20),
        "open", 50, ["gmina-wiejska"], 3, 4, TargetWomen: 105, TargetMen: 45);

    private static readonly RoundStatistics Statistics = new(Round.Id, new Dictionary<string, int> { ["submitted"] = 3, ["accepted"] = 1 },
        [new VoivodeshipCount("02", "DOLNOŚLĄSKIE", 3, 1), new VoivodeshipCount("12", "MAŁOPOLSKIE", 1, 0)], [new KindCount("gmina-wiejska", 4, 1)],
        AtRiskOfMarginalisation: 1);

    /// <summary>The dashboard's HTML in Polish, the page's first language, decoded so the assertions read as the page does.</summary>
    private static async Task<string> RenderAsync(RecruitmentIndicators? indicators)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pl-PL");
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<RoundDashboard>(ParameterView.FromDictionary(
            new Dictionary<string, object?> { ["Round"] = Round, ["Statistics"] = Statistics, ["Indicators"] = indicators }))).ToHtmlString());
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task Days_without_applications_show_as_zero_columns_and_the_summary_names_the_busiest_day()
    {
        var indicators = new RecruitmentIndicators(Round.Id, Round.Name, 4, 1, new PeopleBySex(4, 3, 1, 0, 0),
            [new DayCount(new DateOnly(2026, 11, 2), 1), new DayCount(new DateOnly(2026, 11, 5), 3)], []);

        var html = await RenderAsync(indicators);

        Assert.Equal(4, html.Split("<rect x=").Length - 1); // the columns of days (the województwo bars are rects too)
        Assert.Contains("razem 4; najwięcej, 3, dnia 5 lis 2026", html);
        Assert.Contains("3 z 105", html);
        Assert.Contains("1 z 45", html);
        Assert.Contains("1 z 4 złożonych wniosków", html);
        Assert.Contains("DOLNOŚLĄSKIE", html);
    }

    [Fact]
    public async Task Without_monitoring_data_the_dashboard_says_so_and_still_shows_the_recruitment_counts()
    {
        var html = await RenderAsync(null);

        Assert.Contains("Nie złożono jeszcze żadnego wniosku.", html);
        Assert.Contains("Monitorowanie nie ma jeszcze danych tego naboru.", html);
        Assert.Contains("MAŁOPOLSKIE", html);
    }
}
