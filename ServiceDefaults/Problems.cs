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
}
