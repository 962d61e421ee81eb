using System.Net;

namespace Cro.Web.Api;

/// <summary>
/// A page that shows a service's refusal or absence as its content answers with that status, not 200: when
/// a page being opened (GET) asks a service for something and hears 403 or 404, the page's own answer becomes
/// 403 or 404, with the page's friendly text. Browsers, crawlers and monitoring then see what happened.
/// Form posts are left alone: their answer is the form again, with the messages beside its fields.
/// </summary>
public sealed class PageStatusFromApi(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Get
            && response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            && accessor.HttpContext is { Request.Method: "GET", Response: { HasStarted: false, StatusCode: StatusCodes.Status200OK } page })
        {
            page.StatusCode = (int)response.StatusCode;
        }
        return response;
    }
}
