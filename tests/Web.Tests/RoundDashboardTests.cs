using System.Globalization;
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
    private static readonly RoundResponse Round = new()
    {
        Id = Guid.NewGuid(), Name = "Nabór pilotażowy", OpensAt = DateTimeOffset.UtcNow.AddDays(-10), ClosesAt = DateTimeOffset.UtcNow.AddDays(20),
        Status = "open", Capacity = 50, EligibleKinds = ["gmina-wiejska"], TeamMin = 3, TeamMax = 4, TargetWomen = 105, TargetMen = 45, ScoringVersion = 1,
        Scoring = new() { AtRiskPoints = 10, KindPoints = new Dictionary<string, int>(), PointsPerSchool = 1, MaxSchoolPoints = 10, FirstTimePoints = 5 },
    };

    private static readonly RoundStatisticsResponse Statistics = new()
    {
        RoundId = Round.Id, ByStatus = new Dictionary<string, int> { ["submitted"] = 3, ["accepted"] = 1 },
        ByVoivodeship =
        [
            new Recruitment.Api.VoivodeshipCount { Terc = "02", Name = "DOLNOŚLĄSKIE", Submitted = 3, Accepted = 1 },
            new Recruitment.Api.VoivodeshipCount { Terc = "12", Name = "MAŁOPOLSKIE", Submitted = 1, Accepted = 0 },
        ],
        ByKind = [new KindCount { Kind = "gmina-wiejska", Submitted = 4, Accepted = 1 }], AtRiskOfMarginalisation = 1,
    };

    /// <summary>The dashboard's HTML in Polish, the page's first language, decoded so the assertions read as the page does.</summary>
    private static async Task<string> RenderAsync(RecruitmentIndicatorsResponse? indicators, IReadOnlyList<IndicatorDefinition>? definitions = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pl-PL");
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<RoundDashboard>(ParameterView.FromDictionary(
            new Dictionary<string, object?> { ["Round"] = Round, ["Statistics"] = Statistics, ["Indicators"] = indicators, ["Definitions"] = definitions }))).ToHtmlString());
        return WebUtility.HtmlDecode(html);
    }

    [Fact]
    public async Task Days_without_applications_show_as_zero_columns_and_the_summary_names_the_busiest_day()
    {
        var indicators = new RecruitmentIndicatorsResponse
        {
            RoundId = Round.Id, RoundName = Round.Name, ApplicationsSubmitted = 4, JstAccepted = 1,
            PeopleInAcceptedTeams = new PeopleBySex { Total = 4, Women = 3, Men = 1, NonBinary = 0, Undisclosed = 0 },
            SubmittedPerDay = [new DayCount
            {
                Day = new DateOnly(2026, 11, 2), Submitted = 1,
            }, new DayCount { Day = new DateOnly(2026, 11, 5), Submitted = 3 }],
            ByVoivodeship = [],
        };

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

    [Fact]
    public async Task The_people_of_accepted_teams_are_named_for_what_they_are_with_the_rule_beside_them()
    {
        var indicators = new RecruitmentIndicatorsResponse
        {
            RoundId = Round.Id, RoundName = Round.Name, ApplicationsSubmitted = 1, JstAccepted = 1,
            PeopleInAcceptedTeams = new PeopleBySex { Total = 3, Women = 2, Men = 1, NonBinary = 0, Undisclosed = 0 }, SubmittedPerDay = [], ByVoivodeship = [],
        };
        IndicatorDefinition[] definitions =
        [
            new()
            {
                Code = "people-in-accepted-teams", Version = 1, Kind = "figure", Unit = "people", NamePl = "Osoby w zespołach zadaniowych przyjętych JST",
                NameEn = "People in the task teams of accepted JST", RulePl = "Osoby wskazane w zespołach zadaniowych JST przyjętych w naborze.",
                RuleEn = "The people named in the task teams.", SeedWording = null, EsfDefinition = null, BySex = true, TargetTotal = null, TargetWomen = null,
                TargetMen = null, ValidFrom = new DateOnly(2023, 4, 1),
            },
        ];

        var html = await RenderAsync(indicators, definitions);

        Assert.Contains("Osoby w zespołach zadaniowych przyjętych JST według płci", html);
        Assert.DoesNotContain("objęci wsparciem", html);
        Assert.Contains("Jak liczymy: Osoby wskazane w zespołach zadaniowych JST przyjętych w naborze.", html);
    }
}
