using System.Security.Cryptography;
using System.Text;

namespace Cro.PartnerClient;

/// <summary>
/// A receiver's verification of a Standard Webhooks request, written from the specification (standardwebhooks.com) and
/// independent of the platform's code: the signed content is <c>{webhook-id}.{webhook-timestamp}.{body}</c>; the key is
/// the secret's base64 after <c>whsec_</c>; the header holds space-separated <c>v1,{base64 HMAC-SHA256}</c>, any one of
/// which may match (several during a secret's rotation); a timestamp more than five minutes from now is refused (replays).
/// </summary>
public static class StandardWebhooks
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool Verify(string secret, string id, string timestamp, string body, string signatureHeader, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds) || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false;
        }
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var signature in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = signature.IndexOf(',');
            if (comma > 0 && signature[..comma] == "v1" && TryBase64(signature[(comma + 1)..]) is { } given
                && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return true;
            }
        }
        return false;
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
