namespace Cro.Web.Api;

/// <summary>
/// A service that limits what one client may do without an account (a plan consultation's comments per address) must see
/// the participant's address, not the web's: the calls a page makes carry the address the page was asked from — the one
/// the gateway put in X-Forwarded-For (the gateway sets the header, so a browser cannot choose it), else the connection's.
/// </summary>
public sealed class ForwardedClientAddress(IHttpContextAccessor accessor) : DelegatingHandler
{
    public const string Header = "X-Forwarded-For";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && Of(context) is { } address)
        {
            request.Headers.Remove(Header);
            request.Headers.TryAddWithoutValidation(Header, address);
        }
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>The last X-Forwarded-For entry (the nearest proxy's), else the connection's address.</summary>
    public static string? Of(HttpContext context) =>
        context.Request.Headers[Header].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? context.Connection.RemoteIpAddress?.ToString();
}
