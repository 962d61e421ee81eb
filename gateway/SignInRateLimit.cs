using System.Threading.RateLimiting;
using Cro.ServiceDefaults;

namespace Cro.Gateway;

/// <summary>
/// Password guessing is slowed at the door: the sign-in form and the token endpoint accept a limited
/// number of requests per minute from one client address, then answer 429 with Retry-After.
/// (Accounts themselves lock after five failures, in the identity service.)
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    /// <summary>Paths the limit applies to, each with its own budget per client.</summary>
    public static readonly IReadOnlyList<string> Paths = ["/connect/token", "/konto/logowanie"];

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("Gateway:SignInRequestsPerMinute", 30);
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                $"{context.Request.Path}|{context.Connection.RemoteIpAddress}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                }
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                    title: Text.Pick("Za dużo prób.", "Too many attempts."),
                    detail: Text.Pick("Odczekaj chwilę i spróbuj ponownie.", "Wait a moment and try again.")).ExecuteAsync(rejected.HttpContext);
            };
        });
    }
}
