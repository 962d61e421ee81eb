namespace Cro.Web.Monitoring.Api;

// MonitoringClient and its models are generated from services/Monitoring/openapi/monitoring.json (ServiceClients.targets).

public partial class MonitoringClient : IServiceClient
{
    public static string Unavailable => Text.Pick("Usługa monitorowania jest chwilowo niedostępna.", "The monitoring service is unavailable at the moment.");
}
