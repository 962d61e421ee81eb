namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>How the consultation guards its public comments, and how often the term's end is looked for.</summary>
public sealed class ConsultationOptions
{
    public const string Section = "Consultations";

    /// <summary>Comments one client address may leave on one consultation in an hour (people behind one school's network share it).</summary>
    public int CommentsPerAddressPerHour { get; set; } = 20;

    /// <summary>Comments through one personal invitation in an hour.</summary>
    public int CommentsPerInvitationPerHour { get; set; } = 10;

    /// <summary>Comments through a consultation's public link in an hour, from everyone: a ceiling on a flood from many addresses.</summary>
    public int CommentsPerPublicLinkPerHour { get; set; } = 600;

    /// <summary>How often consultations whose last day has passed are closed.</summary>
    public TimeSpan TermEndPollInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// The participatory consultation of a plan's version: the team opens, invites, answers, hides and closes; the school
/// community comments through links without accounts; the resolution log is published with the adopted plan; counts go
/// to monitoring.
/// </summary>
public static class ConsultationApi
{
    public static IServiceCollection AddPlanConsultations(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsultationOptions>(configuration.GetSection(ConsultationOptions.Section));
        services.AddHostedService<ConsultationTermEnd>();
        return services;
    }

    public static IEndpointRouteBuilder MapConsultationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Konsultacje planu / Plan consultation");
        api.MapOpenConsultation();
        api.MapGetConsultation();
        api.MapConsultationLinks();
        api.MapPublicConsultation();
        api.MapAnswerConsultationComments();
        api.MapCloseConsultation();
        api.MapConsultationLog();
        api.MapConsultationCounts();
        return app;
    }
}
