using System.Security.Cryptography;
using Dapper;
using Microsoft.IdentityModel.Tokens;

namespace Cro.Identity.Data;

/// <summary>The token server's signing and encryption keys, created on the first start and shared by all replicas.</summary>
public sealed record ServerKeys(SecurityKey Signing, SecurityKey Encryption)
{
    /// <summary>Keys that live as long as this process: for the build's OpenAPI document generator, which issues no token.</summary>
    public static ServerKeys Ephemeral() => new(
        new RsaSecurityKey(RSA.Create(2048)) { KeyId = "ephemeral" },
        new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)));

    public static async Task<ServerKeys> LoadOrCreateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        using var rsa = RSA.Create(3072);
        // Replicas starting together both try; the first insert wins and everyone reads the same rows.
        await connection.ExecuteAsync("""
            INSERT INTO server_keys (purpose, material) VALUES ('signing', @signing), ('encryption', @encryption)
            ON CONFLICT (purpose) DO NOTHING
            """, new { signing = rsa.ExportPkcs8PrivateKeyPem(), encryption = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        var keys = (await connection.QueryAsync<(string Purpose, string Material)>("SELECT purpose, material FROM server_keys"))
            .ToDictionary(k => k.Purpose, k => k.Material);

        var signing = RSA.Create();
        signing.ImportFromPem(keys["signing"]);
        return new ServerKeys(
            new RsaSecurityKey(signing) { KeyId = Convert.ToHexString(SHA256.HashData(signing.ExportSubjectPublicKeyInfo()))[..16] },
            new SymmetricSecurityKey(Convert.FromBase64String(keys["encryption"])));
    }
}
