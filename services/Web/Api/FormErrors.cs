using System.Net;
using System.Net.Http.Json;
using Cro.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Web.Api;

/// <summary>
/// What was wrong with a form, kept by field as the API names them (ProblemDetails "errors" keys such as
/// <c>team[2].email</c> or <c>declarations.commitsToWholeCycle</c>, compared without regard to case) so
/// each message can stand beside its field; messages that belong to no field (a 409) are general.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _general = [];

    public bool Any => _byField.Count > 0 || _general.Count > 0;

    public IReadOnlyList<string> General => _general;

    /// <summary>Field errors in the order the API (or the page) gave them.</summary>
    public IEnumerable<(string Key, IReadOnlyList<string> Messages)> Fields => _byField.Select(f => (f.Key, (IReadOnlyList<string>)f.Value));

    /// <summary>Every message, general ones first, for pages that show them in one list.</summary>
    public IReadOnlyList<string> All => [.. _general, .. _byField.Values.SelectMany(m => m)];

    public IReadOnlyList<string> For(string key) => _byField.TryGetValue(key, out var messages) ? messages : [];

    public FormErrors Add(string key, string message)
    {
        if (!_byField.TryGetValue(key, out var messages))
        {
            _byField[key] = messages = [];
        }
        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
        return this;
    }

    public FormErrors AddGeneral(string message)
    {
        _general.Add(message);
        return this;
    }

    /// <summary>Reads a failed response's ProblemDetails: its field errors, or its title and detail as one general message.</summary>
    public static async Task<FormErrors> FromResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var errors = new FormErrors();
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(ct)
            : null;
        if (problem?.Errors.Count > 0)
        {
            foreach (var (key, messages) in problem.Errors)
            {
                foreach (var message in messages)
                {
                    errors.Add(key, message);
                }
            }
            return errors;
        }
        if (response.StatusCode == HttpStatusCode.Unauthorized && problem?.Detail is null)
        {
            return errors.AddGeneral(Text.Pick("Sesja wygasła: wyloguj się i zaloguj ponownie.", "The session has expired: sign out and in again."));
        }
        // "Brak wolnych miejsc. Nabór ma 50 miejsc i wszystkie są zajęte…": the title names what happened, the detail explains.
        var text = string.Join(" ", new[] { problem?.Title, problem?.Detail }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return errors.AddGeneral(text.Length > 0
            ? text
            : Text.Pick($"Usługa odpowiedziała błędem {(int)response.StatusCode}. Spróbuj ponownie za chwilę.",
                $"The service answered with error {(int)response.StatusCode}. Try again in a moment."));
    }
}
