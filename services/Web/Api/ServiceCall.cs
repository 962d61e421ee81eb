using System.Net;

namespace Cro.Web.Api;

/// <summary>A generated client of one service (obj/ServiceClients, from the service's committed OpenAPI document).</summary>
public interface IServiceClient
{
    /// <summary>What a page says when the service cannot be reached at all.</summary>
    static abstract string Unavailable { get; }
}

/// <summary>
/// The one adapter between the generated clients and the pages: a call's answer as <see cref="ApiResult{T}"/>. The
/// generated code throws <see cref="ApiException"/> (typed with the answer's ProblemDetails where the document names
/// one) on any status it does not expect; that becomes the form's errors and the answer's status. A service that
/// cannot be reached (<see cref="HttpRequestException"/>) answers 503 with the client's own words.
/// </summary>
public static class ServiceCall
{
    public static async Task<ApiResult<T>> CallAsync<TClient, T>(this TClient client, Func<TClient, Task<T>> call)
        where TClient : IServiceClient
    {
        try
        {
            return new(await call(client), new FormErrors(), HttpStatusCode.OK);
        }
        catch (ApiException failure)
        {
            return new(default, FormErrors.From(failure), (HttpStatusCode)failure.StatusCode);
        }
        catch (HttpRequestException)
        {
            return ApiResult<T>.Failed(TClient.Unavailable, HttpStatusCode.ServiceUnavailable);
        }
    }

    /// <summary>A call whose answer has no body (204): the result only says whether it succeeded.</summary>
    public static Task<ApiResult<bool>> CallAsync<TClient>(this TClient client, Func<TClient, Task> call) where TClient : IServiceClient =>
        client.CallAsync(async c =>
        {
            await call(c);
            return true;
        });
}
