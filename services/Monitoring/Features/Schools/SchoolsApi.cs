namespace Cro.Monitoring.Features.Schools;

public static class SchoolsApi
{
    /// <summary>The schools register's endpoints, on monitoring's <c>/api/monitoring</c> group.</summary>
    public static IEndpointRouteBuilder MapSchoolsApi(this IEndpointRouteBuilder api)
    {
        api.MapListSchools();
        api.MapSchoolHistory();
        api.MapConfirmSchoolList();
        api.MapAddSchool();
        api.MapCorrectSchool();
        api.MapCloseSchool();
        api.MapGetLastSchoolImport();
        return api;
    }
}
