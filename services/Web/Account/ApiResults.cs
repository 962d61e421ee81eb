using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Web.Account;

/// <summary>The API's answer: the value, or the messages that say what was wrong.</summary>
public sealed record ApiResult<T>(T? Value, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

public static class ApiResults
{
    /// <summary>Turns a response into its value, or into the messages of its ProblemDetails (field errors first).</summary>
    public static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return new(response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<T>(ct), []);
        }
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new(default, [Cro.ServiceDefaults.Text.Pick("Sesja wygasła: wyloguj się i zaloguj ponownie.", "The session has expired: sign out and in again.")]);
        }
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(ct)
            : null;
        IReadOnlyList<string> errors = problem?.Errors.Count > 0
            ? [.. problem.Errors.SelectMany(e => e.Value)]
            : [problem?.Detail ?? problem?.Title ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)];
        return new(default, errors);
    }
}
