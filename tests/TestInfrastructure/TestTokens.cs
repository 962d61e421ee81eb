using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Cro.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// Access tokens for testing a service's API without the identity service: minted here, signed with a
/// key of the test process, and accepted by a service started with <see cref="AcceptTestTokens"/>. The
/// service still checks everything it checks in production (signature, issuer, audience, lifetime),
/// only against this key instead of identity's published ones.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://cro.test/";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "cro-test" };

    /// <summary>Makes the service's JWT validation trust <see cref="Issuer"/> and this process's key, and fetch no metadata.</summary>
    public static IServiceCollection AcceptTestTokens(this IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            options.MetadataAddress = string.Empty;
            options.Configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            // The framework built a manager that would fetch identity's metadata; this one only hands out the above.
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(options.Configuration);
            options.TokenValidationParameters.ValidIssuer = Issuer;
            options.TokenValidationParameters.IssuerSigningKey = Key;
        });

    /// <summary>
    /// A person's token, as identity issues it: subject, principal type, roles, (for a JST role) the TERC code, and the
    /// address and name of the account when a service recognises people by them.
    /// </summary>
    public static string Person(Guid id, IEnumerable<string>? roles = null, string? jst = null, string? email = null, string? name = null)
    {
        List<Claim> claims = [new(CroClaims.Subject, id.ToString()), new(CroClaims.PrincipalType, CroClaims.Person)];
        claims.AddRange((roles ?? []).Select(role => new Claim(CroClaims.Role, role)));
        if (jst is not null)
        {
            claims.Add(new Claim(CroClaims.Jst, jst));
        }
        if (email is not null)
        {
            claims.Add(new Claim(CroClaims.Email, email));
        }
        if (name is not null)
        {
            claims.Add(new Claim(CroClaims.Name, name));
        }
        return Create(claims);
    }

    /// <summary>A partner API client's token (client credentials): no person, only scopes.</summary>
    public static string Client(string clientId, params IEnumerable<string> scopes) => Create(
    [
        new(CroClaims.Subject, clientId),
        new(CroClaims.PrincipalType, CroClaims.Client),
        new(CroClaims.Scope, string.Join(' ', scopes)),
    ]);

    /// <summary>A partner client's token limited to <paramref name="jstTercs"/> (its members): one client_jst claim per JST, as identity issues it.</summary>
    public static string LimitedClient(string clientId, IEnumerable<string> jstTercs, params IEnumerable<string> scopes) => Create(
    [
        new(CroClaims.Subject, clientId),
        new(CroClaims.PrincipalType, CroClaims.Client),
        new(CroClaims.Scope, string.Join(' ', scopes)),
        .. jstTercs.Select(terc => new Claim(CroClaims.ClientJst, terc)),
    ]);

    /// <summary>
    /// A token with exactly these claims, valid for ten minutes unless <paramref name="expires"/> says otherwise
    /// (in the past makes an expired one); a <paramref name="signingKey"/> other than the trusted one makes a forgery,
    /// and another <paramref name="issuer"/> or <paramref name="audience"/> a token meant for or made by someone else.
    /// </summary>
    public static string Create(IEnumerable<Claim> claims, DateTime? expires = null, SecurityKey? signingKey = null,
        string issuer = Issuer, string audience = JwtAuthentication.Audience)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        var issued = new DateTime(Math.Min(DateTime.UtcNow.Ticks, expiry.AddMinutes(-10).Ticks), DateTimeKind.Utc);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issued,
            NotBefore = issued,
            Expires = expiry,
            SigningCredentials = new SigningCredentials(signingKey ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
