namespace Cro.Web.Account;

/// <summary>
/// Sends the OpenID Connect handler's server-to-server calls (discovery, signing keys, code redemption) to
/// identity's internal address instead of the public one the browser is sent to. They then never go out
/// through the ingress and the gateway, whose sign-in rate limit is per client address and meant for
/// browsers: through it, everyone signing in through one web pod would count as one caller.
/// The calls still name the public host and scheme (Host, X-Forwarded-Proto), as the gateway does for a
/// browser: identity writes the addresses of its discovery document from them, and the browser is sent
/// to those addresses, which must be the public origin's, never identity's own.
/// </summary>
public sealed class IdentityBackchannel(Uri publicAddress, Uri internalAddress, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && publicAddress.IsBaseOf(uri))
        {
            request.RequestUri = new Uri(internalAddress, uri.PathAndQuery);
            request.Headers.Host = publicAddress.Authority;
            request.Headers.Remove("X-Forwarded-Proto");
            request.Headers.Add("X-Forwarded-Proto", publicAddress.Scheme);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
