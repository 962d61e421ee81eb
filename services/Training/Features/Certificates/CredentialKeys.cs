using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Cro.Training.Features.Certificates;

/// <summary>
/// The platform's key for signing Open Badges credentials: RSA 3072 with RS256, the algorithm Open Badges 3.0
/// requires every verifier to support. Created on the first start and stored in the database: the public part
/// as it is (published as JWKS), the private part only as Data Protection ciphertext (key ring in the same
/// database, see <see cref="Cro.BuildingBlocks.Persistence.DatabaseKeyRing"/>), so no query, log or export of the table shows it, and no
/// endpoint ever returns it. Replicas starting together create one key: the first insert wins.
/// </summary>
public sealed class CredentialKeys(NpgsqlDataSource db, IDataProtectionProvider protection, TimeProvider time)
{
    public const string Algorithm = SecurityAlgorithms.RsaSha256;

    private readonly IDataProtector _protector = protection.CreateProtector("Cro.Training.CredentialKeys.v1");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningCredentials? _signing;

    private sealed record KeyRow(string Kid, string PublicKey, string ProtectedPrivateKey);

    /// <summary>Creates the signing key unless there is one.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM credential_keys WHERE retired_at IS NULL)", cancellationToken: ct)))
        {
            return;
        }
        using var rsa = RSA.Create(3072);
        var kid = Thumbprint(rsa);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO credential_keys (kid, algorithm, public_key, protected_private_key, created_at)
            VALUES (@kid, @Algorithm, @publicKey, @privateKey, @now)
            ON CONFLICT DO NOTHING
            """, new
        {
            kid, Algorithm, publicKey = rsa.ExportSubjectPublicKeyInfoPem(), privateKey = _protector.Protect(rsa.ExportPkcs8PrivateKeyPem()),
            now = time.GetUtcNow().ToUniversalTime(),
        }, cancellationToken: ct));
    }

    /// <summary>The active key, to sign with.</summary>
    public async Task<SigningCredentials> SigningAsync(CancellationToken ct)
    {
        if (_signing is { } signing)
        {
            return signing;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_signing is null)
            {
                await EnsureAsync(ct);
                await using var connection = await db.OpenConnectionAsync(ct);
                var row = await connection.QuerySingleAsync<KeyRow>(new CommandDefinition(
                    "SELECT kid, public_key, protected_private_key FROM credential_keys WHERE retired_at IS NULL", cancellationToken: ct));
                var rsa = RSA.Create();
                rsa.ImportFromPem(_protector.Unprotect(row.ProtectedPrivateKey));
                _signing = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = row.Kid }, Algorithm);
            }
            return _signing;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every key's public part, retired ones too: credentials they signed still verify.</summary>
    public async Task<IReadOnlyList<JsonWebKey>> PublicKeysAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Kid, string PublicKey)>(new CommandDefinition(
            "SELECT kid, public_key FROM credential_keys ORDER BY created_at", cancellationToken: ct));
        return [.. rows.Select(row =>
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(row.PublicKey);
            var key = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false)) { KeyId = row.Kid });
            key.Use = JsonWebKeyUseNames.Sig;
            key.Alg = Algorithm;
            return key;
        })];
    }

    /// <summary>The key's id: its RFC 7638 thumbprint, so the same key always has the same id.</summary>
    private static string Thumbprint(RSA rsa) =>
        Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(false))).ComputeJwkThumbprint());
}
