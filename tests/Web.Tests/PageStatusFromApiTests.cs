using Cro.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Cro.Web.Tests;

/// <summary>A page that shows a service's refusal answers 403 itself; everything else keeps the page's own status.</summary>
public sealed class PageStatusFromApiTests
{
    private sealed class Answering(HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status));
    }

    private static async Task<int> PageStatusAsync(string pageMethod, HttpMethod apiMethod, HttpStatusCode apiAnswer)
    {
        var page = new DefaultHttpContext();
        page.Request.Method = pageMethod;
        using var client = new HttpClient(new PageStatusFromApi(new HttpContextAccessor { HttpContext = page }) { InnerHandler = new Answering(apiAnswer) });
        await client.SendAsync(new HttpRequestMessage(apiMethod, "http://training/api/training/cohorts/1"), TestContext.Current.CancellationToken);
        return page.Response.StatusCode;
    }

    [Fact]
    public async Task Page_opened_on_a_refused_resource_answers_403() =>
        Assert.Equal(403, await PageStatusAsync("GET", HttpMethod.Get, HttpStatusCode.Forbidden));

    [Theory]
    [InlineData("GET", "GET", HttpStatusCode.NotFound)]
    [InlineData("GET", "GET", HttpStatusCode.OK)]
    [InlineData("POST", "GET", HttpStatusCode.Forbidden)]
    [InlineData("GET", "POST", HttpStatusCode.Forbidden)]
    public async Task Other_answers_and_form_posts_keep_the_page_status(string pageMethod, string apiMethod, HttpStatusCode apiAnswer) =>
        Assert.Equal(200, await PageStatusAsync(pageMethod, new HttpMethod(apiMethod), apiAnswer));
}
