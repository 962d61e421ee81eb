using System.Net;

namespace Cro.Monitoring.Tests;

/// <summary>Reading the service's answers in tests: the status expected (the body in the failure's message otherwise) and the body.</summary>
internal static class Responses
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<T>(Ct))!;
    }

    /// <summary>The refusal's body (a ProblemDetails), for the words it says.</summary>
    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
