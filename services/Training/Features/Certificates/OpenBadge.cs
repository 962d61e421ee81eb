using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Cro.Training.Features.Certificates;

/// <summary>
/// The certificate as an Open Badges 3.0 credential: a W3C Verifiable Credential (JSON-LD) of type
/// OpenBadgeCredential, whose subject is the holder (named by a salted hash of their e-mail address, not by
/// name) and whose achievement is the completed training. It is signed as a VC-JWT (the JSON Web Token proof
/// format of Open Badges 3.0: the credential in the vc claim, RS256, the key's kid in the header), which
/// anyone verifies with the keys published at /api/training/.well-known/jwks.json. Built from the stored
/// certificate each time it is asked for: the same certificate gives the same credential.
/// </summary>
internal static class OpenBadge
{
    [OpenApiSchemaName("IssuedCredential")]
    public sealed record Issued(string Jwt, JsonObject Credential);

    public static JsonObject Credential(CertificateView certificate, string holderEmail, Uri publicAddress)
    {
        var issuedAt = certificate.IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        // Open Badges' hashed identity: sha256$ and the hex digest of the address followed by the salt.
        var salt = certificate.Id.ToString("N");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(holderEmail.Trim().ToLowerInvariant() + salt)));
        var modules = string.Join("; ", certificate.Modules.Select(m => $"{m.Code} {m.Title} ({m.Hours:0.#} h)"));
        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = $"urn:uuid:{certificate.Id}",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject
            {
                ["id"] = IssuerId(publicAddress),
                ["type"] = new JsonArray("Profile"),
                ["name"] = certificate.Issuer,
            },
            ["validFrom"] = issuedAt,
            ["name"] = $"Zaświadczenie {certificate.Number}",
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["identifier"] = new JsonArray(new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["identityHash"] = $"sha256${hash}",
                    ["identityType"] = "emailAddress",
                    ["hashed"] = true,
                    ["salt"] = salt,
                }),
                ["achievement"] = new JsonObject
                {
                    ["id"] = new Uri(publicAddress, $"api/training/programme/versions/{certificate.ProgrammeVersion}").ToString(),
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Certificate",
                    ["name"] = certificate.Programme,
                    ["description"] = $"Ukończenie szkolenia kadr JST ({certificate.TotalHours:0.#} h): {modules}.",
                    ["criteria"] = new JsonObject
                    {
                        ["narrative"] = "Obecność na co najmniej wymaganej części godzin każdego modułu i post-test każdego modułu zaliczony " +
                            "co najmniej na progu wersji programu.",
                    },
                },
            },
            ["evidence"] = new JsonArray(new JsonObject
            {
                ["id"] = certificate.VerificationUrl.ToString(),
                ["type"] = new JsonArray("Evidence"),
                ["name"] = $"Zaświadczenie nr {certificate.Number}",
            }),
        };
    }

    public static async Task<Issued> IssueAsync(CertificateView certificate, string holderEmail, Uri publicAddress, CredentialKeys keys, CancellationToken ct)
    {
        var credential = Credential(certificate, holderEmail, publicAddress);
        var issued = certificate.IssuedAt.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = IssuerId(publicAddress),
            ["jti"] = credential["id"]!.GetValue<string>(),
            ["nbf"] = issued,
            ["iat"] = issued,
            ["vc"] = credential.DeepClone(),
        };
        var jwt = new JsonWebTokenHandler().CreateToken(payload.ToJsonString(), await keys.SigningAsync(ct));
        return new Issued(jwt, credential);
    }

    /// <summary>The issuer is the platform, identified by its public address.</summary>
    public static string IssuerId(Uri publicAddress) => publicAddress.ToString();
}
