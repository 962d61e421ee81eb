using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Cro.ServiceDefaults.Security;

/// <summary>
/// A school director's diagnosis link token, derived from the link's id with a secret that monitoring (which issues
/// links and keeps only the token's hash) and notifications (which mails them) share as <c>SchoolLinks:Secret</c>:
/// so a link can be mailed, and mailed again as a reminder, without its token being stored or sent anywhere in clear.
/// </summary>
public sealed class SchoolLinkTokens(IConfiguration configuration)
{
    public const string SecretSetting = "SchoolLinks:Secret";

    private readonly byte[]? _secret = configuration[SecretSetting] is { Length: >= 16 } secret ? Encoding.UTF8.GetBytes(secret) : null;

    /// <summary>Whether links can be derived (and so mailed): the secret is set.</summary>
    public bool CanDerive => _secret is not null;

    /// <summary>The token of link <paramref name="linkId"/>: HMAC-SHA256 of its id under the secret, base64url (43 characters).</summary>
    public string Derive(Guid linkId) => Base64Url.EncodeToString(HMACSHA256.HashData(
        _secret ?? throw new InvalidOperationException($"{SecretSetting} is not set: school links cannot be mailed."), linkId.ToByteArray(bigEndian: true)));
}
