using System.Collections.Concurrent;
using OtpNet;

namespace Cro.Tests.Infrastructure;

/// <summary>
/// The tests' authenticator app: remembers the key each person set up and computes their current
/// code as a phone would (RFC 6238 through Otp.NET, independent of the server's own code).
/// </summary>
public sealed class AuthenticatorApp
{
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.OrdinalIgnoreCase);

    public void Remember(string email, string key) => _keys[email] = key;

    public string CodeFor(string email) => CodeForKey(_keys[email]);

    /// <param name="key">The key as the set-up page shows it: base32, any case, grouped with spaces.</param>
    public static string CodeForKey(string key) => new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp();
}
