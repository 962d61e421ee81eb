using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Cro.ServiceDefaults.Security;

/// <summary>
/// The tokens of links that let someone without an account in — a school director's diagnosis link, an invitation to a
/// plan's consultation, a consultation's public link. The service keeps only a token's hash (<see cref="Hash"/>). A link
/// that is mailed has its token derived from the link's id with a secret that monitoring (which issues links) and
/// notifications (which mails them) share as <c>SchoolLinks:Secret</c> (named after its first use): so a link can be
/// mailed, and mailed again as a reminder, without its token being stored or sent anywhere in clear. Link ids are UUIDv7,
/// unique across kinds of link, so one secret serves them all. A link that is only shown once is random (<see cref="NewRandom"/>).
/// </summary>
public sealed class LinkTokens(IConfiguration configuration)
{
    public const string SecretSetting = "SchoolLinks:Secret";

    private readonly byte[]? _secret = configuration[SecretSetting] is { Length: >= 16 } secret ? Encoding.UTF8.GetBytes(secret) : null;

    /// <summary>Whether links can be derived (and so mailed): the secret is set.</summary>
    public bool CanDerive => _secret is not null;

    /// <summary>The token of link <paramref name="linkId"/>: HMAC-SHA256 of its id under the secret, base64url (43 characters).</summary>
    public string Derive(Guid linkId) => Base64Url.EncodeToString(HMACSHA256.HashData(
        _secret ?? throw new InvalidOperationException($"{SecretSetting} is not set: links cannot be mailed."), linkId.ToByteArray(bigEndian: true)));

    /// <summary>The absolute address a mail gives for link <paramref name="linkId"/>: <paramref name="page"/> (ending in '/') followed by its token.</summary>
    public string AddressOf(Uri page, Guid linkId) => new Uri(page, Derive(linkId)).AbsoluteUri;

    /// <summary>A token of 32 random bytes, base64url (43 characters).</summary>
    public static string NewRandom() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is kept of a token, and looked up by: its SHA-256; null for a string that cannot be a token issued here.</summary>
    public static byte[]? Hash(string token) => token.Length is > 20 and < 100 ? SHA256.HashData(Encoding.UTF8.GetBytes(token)) : null;
}
