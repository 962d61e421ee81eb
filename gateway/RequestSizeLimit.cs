using Cro.ServiceDefaults;

namespace Cro.Gateway;

/// <summary>
/// Refuses a request whose declared body is over the limit before reading any of it, with a 413
/// ProblemDetails. Kestrel's own limit still stops a body that lies about its length or has none declared.
/// </summary>
public static class RequestSizeLimit
{
    public static long MaxBodyBytes(IConfiguration configuration) =>
        configuration.GetValue("Gateway:MaxRequestBodyBytes", 25L * 1024 * 1024);

    public static IApplicationBuilder UseRequestSizeLimit(this WebApplication app)
    {
        var limit = MaxBodyBytes(app.Configuration);
        return app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: Text.Pick("Za duże żądanie.", "Request too large."),
                    detail: Text.Pick($"Treść żądania może mieć najwyżej {limit / (1024 * 1024)} MB.",
                        $"A request body may have at most {limit / (1024 * 1024)} MB.")).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }
}
