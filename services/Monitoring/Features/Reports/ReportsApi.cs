using Cro.Monitoring.Features.Plans;
using Microsoft.Extensions.Options;

namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// Implementation monitoring of the JST's strategic plans: the reporting schedule, the periods' reports with their review,
/// evidence, overdue reports and the coordinators' reminders, and the path from the diagnosis's findings to results.
/// </summary>
public static class ReportsApi
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration("Monitoring:Reports");
        services.AddOptions<ReportDeadlineOptions>().BindConfiguration("Monitoring:Reports:Deadlines");
        services.AddSingleton<ReportDeadlines>();
        services.AddSingleton<IPlanAdoptionObserver, ReportingPeriodsOnAdoption>();
        services.AddHostedService(provider => provider.GetRequiredService<ReportDeadlines>());
        return services;
    }

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Sprawozdania z wdrażania planu / Implementation reports");
        api.MapReportScheduleRules();
        api.MapGetReport();
        api.MapSaveReport();
        api.MapSubmitReport();
        api.MapReviewReport();
        api.MapMoveReportDue();
        api.MapOverdueReports();
        api.MapReportEvidence(app.ServiceProvider.GetRequiredService<IOptions<ReportOptions>>().Value.MaxEvidenceBytes);
        api.MapPlanTimeline();
        api.MapPracticeResults();
        return app;
    }
}
