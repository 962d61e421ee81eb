using System.Text;

namespace Cro.Recruitment.Features.Marginalisation;

/// <summary>
/// POST /api/recruitment/marginalisation-list — an operator uploads the official list of JST (gminas,
/// 7-digit TERC codes) at risk of permanent marginalisation as CSV (the request body, text/csv). The
/// answer reports invalid, duplicate and unknown codes by line. With any of them nothing changes,
/// unless the operator confirms the valid part (?confirm=true); then the valid codes replace the
/// registry's current list in one transaction. Scores of applications already submitted stay as they were.
/// </summary>
public static class ImportMarginalisationList
{
    /// <summary>The list has about 1,700 gminas; ten times that is still a list, more is a mistake.</summary>
    public const int MaxBytes = 1024 * 1024;

    [OpenApiSchemaName("MarginalisationImportReport")]
    public sealed record Report(int Lines, int Valid, IReadOnlyList<MarginalisationList.Problem> Problems, bool Applied, int? MarkedNow);

    public static RouteHandlerBuilder MapImportMarginalisationList(this IEndpointRouteBuilder api) => api
        .MapPost("/marginalisation-list", HandleAsync)
        .WithName("ImportMarginalisationList")
        .WithSummary("Import listy JST zagrożonych trwałą marginalizacją / Import the list of JST at risk of marginalisation")
        .Accepts<string>("text/csv")
        .Produces<Report>()
        .Produces<Report>(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(HttpContext context, NpgsqlDataSource db, TimeProvider time, CancellationToken ct,
        bool confirm = false, string? fileName = null)
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: Text.Pick("Plik za duży.", "File too large."),
                detail: Text.Pick("Lista może mieć do 1 MB.", "The list may have up to 1 MB."));
        }
        var lines = new List<string>();
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                lines.Add(line);
            }
        }
        // Opened once the list is read: no connection waits for an upload.
        await using var session = await DataSession.OpenAsync(db, JstScope.For(context.User), ct);
        var registered = (await session.QueryAsync<string>("SELECT terc FROM jst WHERE length(terc) = 7")).ToHashSet(StringComparer.Ordinal);
        var parsed = MarginalisationList.Parse(lines, registered);
        if (parsed.Codes.Count == 0 || (parsed.Problems.Count > 0 && !confirm))
        {
            return TypedResults.UnprocessableEntity(new Report(parsed.Lines, parsed.Codes.Count, parsed.Problems, Applied: false, MarkedNow: null));
        }
        await session.ExecuteAsync("""
            UPDATE jst SET at_risk_of_marginalisation = (terc = ANY (@codes))
            WHERE at_risk_of_marginalisation OR terc = ANY (@codes)
            """, new { codes = parsed.Codes.ToArray() });
        await session.ExecuteAsync("""
            INSERT INTO marginalisation_imports (id, imported_at, imported_by, file_name, lines, marked, skipped)
            VALUES (@id, @now, @by, @fileName, @lines, @marked, @skipped)
            """, new
        {
            id = Guid.CreateVersion7(), now = time.GetUtcNow(), by = context.User.PersonId(), fileName, lines = parsed.Lines,
            marked = parsed.Codes.Count, skipped = parsed.Problems.Count,
        });
        await session.CommitAsync();
        return TypedResults.Ok(new Report(parsed.Lines, parsed.Codes.Count, parsed.Problems, Applied: true, MarkedNow: parsed.Codes.Count));
    }
}
