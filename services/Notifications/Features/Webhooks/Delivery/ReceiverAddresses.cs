using System.Net;
using System.Net.Sockets;

namespace Cro.Notifications.Features.Webhooks.Delivery;

/// <summary>
/// Where webhooks may go: public addresses only, so a partner cannot aim the platform at its own network (SSRF). Checked
/// when an endpoint is registered, for a literal address, and again on every connection, after DNS, so a name that later
/// resolves inward is refused too.
/// </summary>
public static class ReceiverAddresses
{
    private static readonly IPNetwork[] NotPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/3"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Whether a connection to <paramref name="address"/> is allowed; loopback only when <paramref name="allowLoopback"/>.</summary>
    public static bool Allows(IPAddress address, bool allowLoopback)
    {
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (IPAddress.IsLoopback(ip))
        {
            return allowLoopback;
        }
        return !NotPublic.Any(network => network.Contains(ip));
    }

    /// <summary>Why <paramref name="url"/> cannot be a receiver, or null when it can (a name is resolved only when sending).</summary>
    public static string? Refusal(Uri url, bool allowLoopback)
    {
        if (url.Scheme != Uri.UriSchemeHttps && !(allowLoopback && url.Scheme == Uri.UriSchemeHttp))
        {
            return Text.Pick("Adres musi zaczynać się od https://.", "The address must start with https://.");
        }
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return Text.Pick("Adres nie może zawierać nazwy użytkownika ani hasła.", "The address must not contain a user name or password.");
        }
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && !Allows(IPAddress.Parse(url.IdnHost.Trim('[', ']')), allowLoopback)
            || url.IsLoopback && !allowLoopback)
        {
            return Text.Pick("Adres prowadzi do sieci prywatnej lub lokalnej; webhooki wysyłamy tylko na adresy publiczne.",
                "The address leads into a private or local network; webhooks go to public addresses only.");
        }
        return null;
    }

    /// <summary>Opens a connection to the host's first allowed address, refusing a host any of whose addresses is not public.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowLoopback, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        if (addresses.Length == 0 || addresses.Any(a => !Allows(a, allowLoopback)))
        {
            throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to an address webhooks may not go to.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
