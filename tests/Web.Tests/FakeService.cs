using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cro.Web.Tests;

/// <summary>
/// A service (training, monitoring) as the web's pages meet it: canned answers by method and path (query included), and
/// every request kept with its body and headers, so a test can say what a page sent. Anything not set up answers 404
/// ProblemDetails.
/// </summary>
internal sealed class FakeService : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<HttpResponseMessage>> _routes = new();

    public ConcurrentQueue<(string Method, string Path, string? Body)> Requests { get; } = new();

    /// <summary>The headers of every request, in the order of <see cref="Requests"/>.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Headers { get; } = new();

    public void Json(HttpMethod method, string path, object value, HttpStatusCode status = HttpStatusCode.OK) =>
        _routes[$"{method} {path}"] = () => new HttpResponseMessage(status) { Content = JsonContent.Create(value, options: JsonSerializerOptions.Web) };

    public void Problem(HttpMethod method, string path, HttpStatusCode status, object problem) =>
        _routes[$"{method} {path}"] = () => new HttpResponseMessage(status)
        {
            Content = new StringContent(JsonSerializer.Serialize(problem, JsonSerializerOptions.Web), Encoding.UTF8, "application/problem+json"),
        };

    public void File(string path, byte[] content, string contentType, string fileName) =>
        _routes[$"GET {path}"] = () =>
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new(contentType);
            file.Headers.ContentDisposition = new("attachment") { FileName = fileName };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = file };
        };

    /// <summary>The bodies the pages sent to <paramref name="method"/> <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<JsonElement> Sent(HttpMethod method, string path) =>
        [.. Requests.Where(r => r.Method == method.Method && r.Path == path).Select(r => JsonDocument.Parse(r.Body ?? "null").RootElement)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.PathAndQuery;
        Requests.Enqueue((request.Method.Method, path, body));
        Headers.Enqueue(request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
        return _routes.TryGetValue($"{request.Method} {path}", out var respond)
            ? respond()
            : new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent("""{"title":"Nie znaleziono.","status":404}""", Encoding.UTF8, "application/problem+json"),
            };
    }

    // One instance serves every handler chain the client factory builds; it holds nothing to release.
    protected override void Dispose(bool disposing)
    {
    }
}
