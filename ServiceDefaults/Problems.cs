namespace Cro.ServiceDefaults;

/// <summary>The ProblemDetails the services answer refusals with, in the caller's language.</summary>
public static class Problems
{
    public static IResult Conflict(string titlePl, string titleEn, string detailPl, string detailEn) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick(titlePl, titleEn), detail: Text.Pick(detailPl, detailEn));

    /// <summary>Well-formed input that names something that does not fit (a team that is not enrolled, a module the version lacks).</summary>
    public static IResult Unprocessable(string detailPl, string detailEn, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
            title: Text.Pick("Nie można wykonać tej operacji dla podanych danych.", "This cannot be done with the data given."),
            detail: Text.Pick(detailPl, detailEn), extensions: extensions);

    public static IResult Forbidden(string detailPl, string detailEn) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Text.Pick("Brak uprawnień.", "Not allowed."),
            detail: Text.Pick(detailPl, detailEn));

    public static IResult Field(string field, string messagePl, string messageEn) =>
        ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]> { [field] = [Text.Pick(messagePl, messageEn)] });

    /// <summary>
    /// A 409 about one field's value (an address already registered): its <c>errors</c> member names the field as a 400's
    /// does, so a form shows the message beside it.
    /// </summary>
    public static IResult FieldConflict(string field, string titlePl, string titleEn, string messagePl, string messageEn) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick(titlePl, titleEn), detail: Text.Pick(messagePl, messageEn),
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [Text.Pick(messagePl, messageEn)] } });

    /// <summary>
    /// A 429 past a limit a service counts itself, with Retry-After in whole seconds (at least one); the detail is followed by
    /// when to try again, in minutes.
    /// </summary>
    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter, string titlePl, string titleEn, string detailPl, string detailEn)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var minutes = (seconds + 59) / 60;
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Text.Pick(titlePl, titleEn),
            detail: Text.Pick($"{detailPl} Spróbuj ponownie za {minutes} min.", $"{detailEn} Try again in {minutes} min."));
    }
}
