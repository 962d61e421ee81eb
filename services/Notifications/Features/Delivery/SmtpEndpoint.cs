using System.Net;
using MailKit.Security;

namespace Cro.Notifications.Features.Delivery;

/// <summary>
/// Where mail goes, from <c>ConnectionStrings:smtp</c>: <c>smtp://host:port</c> sends without TLS (a relay
/// on the same network, a test server); <c>smtps://host:port</c> requires TLS, implicit on port 465 and
/// STARTTLS on any other. A <c>user:password@</c> (URL-encoded) signs in. The Aspire form
/// <c>Endpoint=smtp://…</c> is accepted too.
/// </summary>
public sealed record SmtpEndpoint(string Host, int Port, SecureSocketOptions Security, NetworkCredential? Credentials)
{
    private const string AspirePrefix = "Endpoint=";

    public static SmtpEndpoint Parse(string connectionString)
    {
        var value = connectionString.Trim();
        if (value.StartsWith(AspirePrefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[AspirePrefix.Length..];
        }
        // The messages below never quote the value: it may hold a password.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps"))
        {
            throw new FormatException("ConnectionStrings:smtp must be smtp://host:port or smtps://host:port.");
        }
        if (string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("ConnectionStrings:smtp names no host.");
        }
        if (uri.AbsolutePath is not ("" or "/") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new FormatException("ConnectionStrings:smtp must not have a path, a query or a fragment.");
        }

        var secure = uri.Scheme == "smtps";
        var port = uri.Port > 0 ? uri.Port : secure ? 465 : 25;
        var security = !secure ? SecureSocketOptions.None
            : port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        return new SmtpEndpoint(uri.IdnHost, port, security, CredentialsOf(uri));
    }

    private static NetworkCredential? CredentialsOf(Uri uri)
    {
        // Split before unescaping, so a password may contain an encoded ':'.
        var userInfo = uri.GetComponents(UriComponents.UserInfo, UriFormat.UriEscaped);
        if (userInfo.Length == 0)
        {
            return null;
        }
        var colon = userInfo.IndexOf(':');
        return colon < 0
            ? new NetworkCredential(Uri.UnescapeDataString(userInfo), "")
            : new NetworkCredential(Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }

    /// <summary>For logs: the address without the credentials.</summary>
    public override string ToString() => $"{(Security == SecureSocketOptions.None ? "smtp" : "smtps")}://{Host}:{Port}";
}
