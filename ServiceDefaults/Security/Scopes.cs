namespace Cro.ServiceDefaults.Security;

/// <summary>What a partner API client may be allowed to do (client credentials).</summary>
public static class Scopes
{
    public const string RecruitmentRead = "recruitment.read";
    public const string RecruitmentWrite = "recruitment.write";
    /// <summary>Training of the partner's member JST: modules completed and training finished, by JST and cohort; no personal data.</summary>
    public const string TrainingRead = "training.read";
    /// <summary>Good practices written on behalf of the partner's member JST: drafted, revised and submitted to review (publishing).</summary>
    public const string PracticesWrite = "practices.write";
    public const string IndicatorsRead = "indicators.read";
    /// <summary>Advisory aggregates per round: JST covered, hours held, meetings; no personal data.</summary>
    public const string AdvisoryRead = "advisory.read";
    /// <summary>Monitoring aggregates: the JST's plans by state, money planned (and spent) by year and source; no JST's own data.</summary>
    public const string MonitoringRead = "monitoring.read";

    /// <summary>The partner's say in the consultations of the programme's concept, programmes and materials (evaluation): comments on a section and its review with recommendations.</summary>
    public const string ConsultationsWrite = "consultations.write";

    /// <summary>The partner's webhook endpoints (notifications): register, rotate secrets, read the delivery log, replay, disable.</summary>
    public const string WebhooksManage = "webhooks.manage";

    public static readonly IReadOnlyList<string> Partner =
        [RecruitmentRead, RecruitmentWrite, TrainingRead, PracticesWrite, IndicatorsRead, AdvisoryRead, MonitoringRead, ConsultationsWrite, WebhooksManage];
}
