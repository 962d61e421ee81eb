using System.Net;
using System.Text.Json;
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

    /// <summary>
    /// The errors of one part of a larger request (<c>actions[2].</c>) keyed as that part's own fields (<c>title</c>); the
    /// rest become general messages, so none is lost.
    /// </summary>
    public FormErrors Within(string prefix)
    {
        var part = new FormErrors();
        foreach (var message in _general)
        {
            part.AddGeneral(message);
        }
        foreach (var (key, messages) in _byField)
        {
            foreach (var message in messages)
            {
                if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    part.Add(key[prefix.Length..], message);
                }
                else
                {
                    part.AddGeneral(message);
                }
            }
        }
        return part;
    }

    public FormErrors AddGeneral(string message)
    {
        _general.Add(message);
        return this;
    }

    /// <summary>A generated client's failure: its ProblemDetails' field errors, or its title and detail as one general message.</summary>
    public static FormErrors From(ApiException failure)
    {
        var errors = new FormErrors();
        var problem = failure switch
        {
            ApiException<HttpValidationProblemDetails> { Result: var validation } => validation,
            ApiException<ProblemDetails> { Result: var other } => other,
            // A status the document does not name (a gateway's 502, a 500): its body, when it is a ProblemDetails.
            _ => ReadProblem(failure),
        };
        foreach (var (key, messages) in problem is null ? [] : FieldErrors(problem))
        {
            foreach (var message in messages)
            {
                errors.Add(key, message);
            }
        }
        if (errors.Any)
        {
            return errors;
        }
        if (failure.StatusCode == (int)HttpStatusCode.Unauthorized && problem?.Detail is null)
        {
            return errors.AddGeneral(Text.Pick("Sesja wygasła: wyloguj się i zaloguj ponownie.", "The session has expired: sign out and in again."));
        }
        // "Brak wolnych miejsc. Nabór ma 50 miejsc i wszystkie są zajęte…": the title names what happened, the detail explains.
        var text = string.Join(" ", new[] { problem?.Title, problem?.Detail }.Where(t => !string.IsNullOrWhiteSpace(t)));
        return errors.AddGeneral(text.Length > 0
            ? text
            : Text.Pick($"Usługa odpowiedziała błędem {failure.StatusCode}. Spróbuj ponownie za chwilę.",
                $"The service answered with error {failure.StatusCode}. Try again in a moment."));
    }

    /// <summary>A validation problem's errors, also when the document typed the answer as a plain ProblemDetails (a 409, a 422).</summary>
    private static IEnumerable<KeyValuePair<string, string[]>> FieldErrors(ProblemDetails problem) => problem switch
    {
        HttpValidationProblemDetails validation => validation.Errors,
        _ when problem.Extensions.TryGetValue("errors", out var value) && value is JsonElement { ValueKind: JsonValueKind.Object } json =>
            json.Deserialize<Dictionary<string, string[]>>() ?? [],
        _ => [],
    };

    private static HttpValidationProblemDetails? ReadProblem(ApiException failure)
    {
        var isProblem = failure.Headers.TryGetValue("Content-Type", out var types) && types.Any(t => t.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase));
        try
        {
            return isProblem && !string.IsNullOrEmpty(failure.Response)
                ? JsonSerializer.Deserialize<HttpValidationProblemDetails>(failure.Response, JsonSerializerOptions.Web)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
