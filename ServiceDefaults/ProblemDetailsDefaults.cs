using System.Diagnostics;

namespace Cro.ServiceDefaults;

public static class ProblemDetailsDefaults
{
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>Every error is RFC 9457 ProblemDetails carrying the trace and correlation ids an operator searches by.</summary>
    public static IServiceCollection AddCroProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var http = context.HttpContext;
            context.ProblemDetails.Instance ??= http.Request.Path;
            if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest && context.ProblemDetails.Detail is null
                && context.ProblemDetails is not HttpValidationProblemDetails)
            {
                // A parameter that could not be read at all (a word where a number belongs).
                context.ProblemDetails.Detail = Text.Pick(
                    "Żądanie ma parametr w nieprawidłowym formacie; sprawdź typy parametrów w dokumentacji API.",
                    "A parameter of the request has an invalid format; see the parameter types in the API reference.");
            }
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
            if (http.Request.Headers.TryGetValue(CorrelationHeader, out var correlation))
            {
                context.ProblemDetails.Extensions["correlationId"] = correlation.ToString();
            }
        });

    /// <summary>A 400 with field errors, in the caller's language (Polish unless the request asks for English).</summary>
    public static IResult ValidationProblem(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: Text.Pick("Dane wejściowe są nieprawidłowe.", "The input is invalid."));

    public static IResult NotFound(string detailPl, string detailEn) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound,
            title: Text.Pick("Nie znaleziono.", "Not found."),
            detail: Text.Pick(detailPl, detailEn));

    /// <summary>
    /// A 403 for a partner API client limited to a set of JST (its members) that asked to act for a JST outside it; the JST is
    /// named so the partner can tell which of its requests to drop.
    /// </summary>
    public static IResult OutsideClientJst(string jstTerc) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden,
            title: Text.Pick("Brak uprawnień do tej JST.", "Not allowed for this JST."),
            detail: Text.Pick($"Klient API nie może działać w imieniu JST {jstTerc}: jest ograniczony do innych JST (członków partnera).",
                $"The API client may not act for the JST {jstTerc}: it is limited to other JST (the partner's members)."),
            extensions: new Dictionary<string, object?> { ["jstTerc"] = jstTerc });
}
