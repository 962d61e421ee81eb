using Cro.ServiceDefaults;

namespace Cro.Gateway;

/// <summary>
/// Gives every request a correlation id (the caller's, or a new one), forwards it to the service
/// and returns it, so a user's report and the logs of every service can be matched.
/// </summary>
public static class CorrelationId
{
    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Request.Headers;
        var id = headers[ProblemDetailsDefaults.CorrelationHeader].ToString();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            id = Guid.CreateVersion7().ToString("N");
            headers[ProblemDetailsDefaults.CorrelationHeader] = id;
        }
        System.Diagnostics.Activity.Current?.SetTag("cro.correlation_id", id);
        context.Response.Headers[ProblemDetailsDefaults.CorrelationHeader] = id;
        await next(context);
    });
}
