using Microsoft.Extensions.Configuration;

namespace Cro.ServiceDefaults;

/// <summary>
/// The platform's public address (the gateway's), which e-mailed links start with. It is the tokens'
/// issuer as well, so every service that validates tokens already has it as Identity:Issuer.
/// </summary>
public static class PublicAddress
{
    public static Uri Of(IConfiguration configuration, HttpRequest request) =>
        new(configuration["Identity:Issuer"] ?? $"{request.Scheme}://{request.Host}/");

    /// <summary>Outside a request (a consumer), the configured address is the only one there is.</summary>
    public static Uri Of(IConfiguration configuration) =>
        new(configuration["Identity:Issuer"] ?? throw new InvalidOperationException("Identity:Issuer (the platform's public address) is not set."));
}

/// <summary>
/// The version of the information clause (klauzula informacyjna, RODO art. 13) the platform shows at
/// /konto/klauzula-informacyjna. Change it whenever the text changes: consents record the version seen.
/// </summary>
public static class InformationClause
{
    public const string Version = "2026-11-30";
}
