namespace Cro.Web.Api;

/// <summary>Every service call asks for the page's language, so the messages a service answers (ProblemDetails) match the page.</summary>
public sealed class CallerLanguage : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.AcceptLanguage.ParseAdd(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        return base.SendAsync(request, cancellationToken);
    }
}
