using System.Security.Cryptography;
using System.Text;

namespace Cro.ServiceDefaults;

/// <summary>
/// The address of the client behind a public form (a consultation's comment, a conference registration), for limits per
/// address that services keep in their databases: the last X-Forwarded-For entry, which the gateway sets (so a client
/// cannot forge it; the web passes on the one it got when it posts for a visitor), or the connection's when there is none.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context) =>
        context.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .LastOrDefault() ?? context.Connection.RemoteIpAddress?.ToString() ?? "";

    /// <summary>
    /// What stands for the client's address where a limit counts it (a consultation's comments, a conference's
    /// registrations): SHA-256 of the thing limited and the address, so the stored key names the address nowhere else.
    /// </summary>
    public static byte[] KeyOf(HttpContext context, Guid limited) =>
        SHA256.HashData([.. limited.ToByteArray(bigEndian: true), .. Encoding.UTF8.GetBytes(Of(context))]);
}
