using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Cro.Benchmarks;

/// <summary>
/// What the services need of the identity service to accept a token, and no more: its OpenID Connect metadata and signing
/// key (JWKS), served from this process, and tokens signed with that key. A service in a process of its own is pointed at
/// it by <c>Identity__MetadataAddress</c> and checks each token as in production (signature, issuer, audience, lifetime);
/// the metadata is fetched once, so this endpoint costs nothing during a run.
/// </summary>
internal sealed class TokenIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private TokenIssuer(WebApplication app, RsaSecurityKey key, Uri address) => (_app, _key, MetadataAddress) = (app, key, address);

    public Uri MetadataAddress { get; }

    /// <summary>The environment a service needs to trust these tokens.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Identity__Issuer"] = TestTokens.Issuer,
        ["Identity__MetadataAddress"] = MetadataAddress.ToString(),
    };

    public static async Task<TokenIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "cro-benchmark" };
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = FreePorts.Next();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var baseAddress = $"http://127.0.0.1:{port}";
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = TestTokens.Issuer,
            ["jwks_uri"] = $"{baseAddress}/.well-known/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/.well-known/jwks", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        }));
        await app.StartAsync();
        return new TokenIssuer(app, key, new Uri($"{baseAddress}/.well-known/openid-configuration"));
    }

    /// <summary>A token with exactly these claims, signed with this issuer's key (valid half an hour: a run signs its tokens before it starts).</summary>
    public string Create(IEnumerable<Claim> claims) => TestTokens.Create(claims, DateTime.UtcNow.AddMinutes(30), _key);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
