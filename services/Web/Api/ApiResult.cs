using System.Net;
using System.Net.Http.Json;

namespace Cro.Web.Api;

/// <summary>
/// A service's answer as pages use it: the value, or what was wrong (by field where the API said so,
/// so a form can show each message beside its field; otherwise as general messages).
/// </summary>
public sealed record ApiResult<T>(T? Value, FormErrors Errors, HttpStatusCode Status)
{
    public bool Succeeded => !Errors.Any;

    public static async Task<ApiResult<T>> ReadAsync(HttpResponseMessage response, CancellationToken ct) =>
        response.IsSuccessStatusCode
            ? new(response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<T>(ct), new FormErrors(), response.StatusCode)
            : new(default, await FormErrors.FromResponseAsync(response, ct), response.StatusCode);

    /// <summary>Sends a request and reads its answer; a service that cannot be reached answers <paramref name="unavailable"/>.</summary>
    public static async Task<ApiResult<T>> SendAsync(Func<Task<HttpResponseMessage>> send, string unavailable, CancellationToken ct)
    {
        try
        {
            using var response = await send();
            return await ReadAsync(response, ct);
        }
        catch (HttpRequestException)
        {
            return Failed(unavailable, HttpStatusCode.ServiceUnavailable);
        }
    }

    /// <summary>An answer that never came (the service could not be reached), with the message to show.</summary>
    public static ApiResult<T> Failed(string message, HttpStatusCode status) => new(default, new FormErrors().AddGeneral(message), status);
}
