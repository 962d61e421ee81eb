using System.Net;

namespace Cro.Web.Api;

/// <summary>
/// A page that shows a service's refusal as its content answers 403, not 200: when a page being opened (GET)
/// asks a service for something and is refused, the page's own answer becomes 403, with the page's friendly
/// text. Browsers, crawlers and monitoring then see what happened. A 404 is not taken over: pages ask for
/// things that may well not exist yet (an attempt in progress, a certificate number being checked), and the
/// page whose very subject is missing says so itself. Form posts are left alone: their answer is the form
/// again, with the messages beside its fields.
/// </summary>
public sealed class PageStatusFromApi(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Get
            && response.StatusCode == HttpStatusCode.Forbidden
            && accessor.HttpContext is { Request.Method: "GET", Response: { HasStarted: false, StatusCode: StatusCodes.Status200OK } page })
        {
            page.StatusCode = (int)response.StatusCode;
        }
        return response;
    }
}
