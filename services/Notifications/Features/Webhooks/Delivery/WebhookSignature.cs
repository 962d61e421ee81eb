using System.Security.Cryptography;
using System.Text;

namespace Cro.Notifications.Features.Webhooks.Delivery;

/// <summary>
/// Standard Webhooks signing: a secret is <c>whsec_</c> and the base64 of its bytes; a signature is <c>v1,</c> and the
/// base64 of HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, one per secret in force, space-separated.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Sign(string id, long timestamp, string body, IEnumerable<string> secrets) =>
        string.Join(' ', secrets.Select(secret =>
        {
            var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
            var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
            return "v1," + Convert.ToBase64String(mac);
        }));
}
