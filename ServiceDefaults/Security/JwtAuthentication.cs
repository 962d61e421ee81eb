using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Cro.ServiceDefaults.Security;

/// <summary>
/// APIs accept the identity service's access tokens: signed JWTs whose issuer, audience, lifetime and
/// signature are checked here, in every service, whatever the gateway did before.
/// </summary>
public static class JwtAuthentication
{
    /// <summary>The audience of every access token for the platform's APIs.</summary>
    public const string Audience = "cro-api";

    public static TBuilder AddCroJwtAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var identity = builder.Configuration.GetSection("Identity");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.Audience = Audience;
            // Keys and metadata come from inside the cluster (service discovery), while tokens carry the
            // public issuer (the gateway's address) that browsers and partners see.
            options.MetadataAddress = identity["MetadataAddress"] ?? "http://identity/.well-known/openid-configuration";
            options.RequireHttpsMetadata = identity.GetValue("RequireHttpsMetadata", false);
            options.TokenValidationParameters.ValidIssuer = identity["Issuer"];
            options.TokenValidationParameters.NameClaimType = CroClaims.Name;
            options.TokenValidationParameters.RoleClaimType = CroClaims.Role;
            options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory, TimeProvider>((options, http, time) =>
            {
                options.Backchannel = http.CreateClient("identity-metadata");
                // A token's lifetime is judged by the platform's clock, the one its issuer stamped it with.
                options.TokenValidationParameters.UsePlatformClock(time);
            });
        builder.Services.AddCroAuthorization();
        return builder;
    }
}
