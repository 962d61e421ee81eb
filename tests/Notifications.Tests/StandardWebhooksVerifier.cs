using System.Security.Cryptography;
using System.Text;

namespace Cro.Notifications.Tests;

/// <summary>
/// A receiver's verification of a Standard Webhooks request, written from the specification and independent of the
/// platform's code: the signed content is <c>{webhook-id}.{webhook-timestamp}.{body}</c>; the key is the secret's base64
/// after <c>whsec_</c>; the header holds space-separated <c>v1,{base64 HMAC-SHA256}</c>, any one of which may match; and
/// a timestamp more than five minutes from now is refused (replays).
/// </summary>
public static class StandardWebhooksVerifier
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool Verify(string secret, string id, string timestamp, string body, string signatureHeader, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds) || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return false;
        }
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var signature in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = signature.IndexOf(',');
            if (comma > 0 && signature[..comma] == "v1"
                && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(signature[(comma + 1)..]), expected))
            {
                return true;
            }
        }
        return false;
    }

    public static bool Verify(string secret, WebhookReceiver.Received request) =>
        Verify(secret, request.Id, request.Timestamp, request.Body, request.Signature, DateTimeOffset.UtcNow);
}
