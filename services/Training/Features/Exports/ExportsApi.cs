namespace Cro.Training.Features.Exports;

public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Eksporty / Exports");
        api.MapAttendanceExport();
        api.MapResultsExport();
        return app;
    }
}
