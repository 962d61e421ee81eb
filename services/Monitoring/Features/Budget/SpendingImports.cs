using System.Text.Json;

namespace Cro.Monitoring.Features.Budget;

/// <summary>
/// A CSV of spending in two steps. POST /api/monitoring/budget/imports reads the file and answers a preview: every line,
/// valid or with its errors (by line number), and the totals of the valid ones; nothing is booked, the preview is kept for
/// a day. GET …/imports/{id} shows it again. POST …/imports/{id}/confirm books the valid lines, all in one transaction,
/// once: checked again against the plan as it stands then (a line that no longer fits: 409 naming it, nothing booked).
/// Unknown preview 404, expired 410, confirmed already 409.
/// </summary>
public static class SpendingImports
{
    public static readonly TimeSpan Keep = TimeSpan.FromHours(24);
    public const int MaxCsvLength = 1_000_000;
    public const int MaxLines = 5_000;

    [OpenApiSchemaName("BudgetImportRequest")]
    public sealed record ImportRequest(
        [property: FieldLabel("Nazwa pliku", "File name")] string? FileName,
        [property: FieldLabel("Plik CSV", "CSV file")] string? Csv);

    public sealed class Validator : AbstractValidator<ImportRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Csv).NotEmpty().WithMessage(_ => Text.Pick("Dołącz niepusty plik CSV.", "Attach a CSV file that is not empty."))
                .MaximumLength(MaxCsvLength).WithMessage(_ => Text.Pick("Plik jest za duży (najwyżej 1 MB).", "The file is too large (1 MB at most)."));
            RuleFor(r => r.FileName).MaximumLength(200).WithMessage(_ => Text.Pick("Nazwa pliku: najwyżej 200 znaków.", "The file name: at most 200 characters."));
        }
    }

    [OpenApiSchemaName("BudgetImportError")]
    public sealed record ImportError(string Field, string Message);

    /// <param name="Line">The line's number in the file (the header is line 1 when there is one).</param>
    [OpenApiSchemaName("BudgetImportLine")]
    public sealed record ImportLine(int Line, int? Task, string? Month, decimal? Amount, decimal? Eu, decimal? National, string? Document, string? Description,
        bool Valid, List<ImportError> Errors);

    [OpenApiSchemaName("BudgetImportPreview")]
    public sealed record ImportPreview(Guid Id, string FileName, DateTimeOffset UploadedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ConfirmedAt,
        List<ImportLine> Lines, int ValidLines, int InvalidLines, decimal ValidAmount, decimal ValidEu, decimal ValidNational);

    [OpenApiSchemaName("BudgetImportResult")]
    public sealed record ImportResult(Guid Id, int Applied, decimal Amount, decimal Eu, decimal National);

    /// <summary>A line as kept with the preview: what was read, and the errors in both languages.</summary>
    private sealed record Stored(int Line, int? Task, string? Month, decimal? Amount, decimal? Eu, decimal? National, string? Document, string? Description,
        List<StoredError> Errors);

    private sealed record StoredError(string Field, string Pl, string En);

    private sealed record ImportRow(Guid Id, string FileName, string Lines, DateTimeOffset UploadedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ConfirmedAt);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapSpendingImports(this IEndpointRouteBuilder api)
    {
        api.MapPost("/budget/imports", PreviewAsync)
            .WithName("PreviewBudgetImport").WithSummary("Wczytaj CSV wydatków: podgląd wierszy / Read a CSV of spending: the lines' preview")
            .Validate<ImportRequest>().Produces<ImportPreview>(StatusCodes.Status201Created)
            .RequireAuthorization(Policies.Finance);
        api.MapGet("/budget/imports/{id:guid}", GetAsync)
            .WithName("GetBudgetImport").WithSummary("Podgląd wczytanego CSV / A read CSV's preview")
            .Produces<ImportPreview>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Finance);
        api.MapPost("/budget/imports/{id:guid}/confirm", ConfirmAsync)
            .WithName("ConfirmBudgetImport").WithSummary("Zatwierdź poprawne wiersze CSV / Book the CSV's valid lines")
            .Produces<ImportResult>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Finance);
    }

    private static async Task<IResult> PreviewAsync(ImportRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var rows = SpendingCsv.Read(request.Csv!);
        if (rows.Count == 0)
        {
            return Problems.Field("csv", "Plik nie ma żadnego wiersza z wydatkiem.", "The file has no line of spending.");
        }
        if (rows.Count > MaxLines)
        {
            return Problems.Field("csv", $"Najwyżej {MaxLines} wierszy w pliku.", $"At most {MaxLines} lines in a file.");
        }
        var book = await BudgetBook.ReadAsync(session);
        var stored = CheckAll(book, rows.Select(r => new Stored(r.Line, r.Task, r.Month, r.Amount, r.Eu, r.National, r.Document, r.Description,
            [.. r.Unreadable.Select(u => new StoredError(u.Field, u.Pl, u.En))])).ToList(), await BudgetBook.SpentAsync(session));
        var (id, now) = (Guid.CreateVersion7(), time.GetUtcNow());
        var fileName = string.IsNullOrWhiteSpace(request.FileName) ? "wydatki.csv" : request.FileName.Trim();
        await session.ExecuteAsync("""
            INSERT INTO budget_imports (id, file_name, lines, uploaded_by, uploaded_at, expires_at)
            VALUES (@id, @fileName, @lines::jsonb, @by, @now, @expires)
            """, new { id, fileName, lines = JsonSerializer.Serialize(stored, Json), by = context.User.PersonId()!.Value, now, expires = now + Keep });
        await session.CommitAsync();
        return TypedResults.Created($"/api/monitoring/budget/imports/{id}", View(new ImportRow(id, fileName, "", now, now + Keep, null), stored));
    }

    private static async Task<IResult> GetAsync(Guid id, DataSession session) =>
        await FindAsync(session, id, forUpdate: false) is { } row
            ? TypedResults.Ok(View(row, Lines(row)))
            : NotFound();

    private static async Task<IResult> ConfirmAsync(Guid id, HttpContext context, DataSession session, TimeProvider time)
    {
        await BudgetBook.LockSpendingAsync(session);
        if (await FindAsync(session, id, forUpdate: true) is not { } row)
        {
            return NotFound();
        }
        if (row.ConfirmedAt is not null)
        {
            return Problems.Conflict("Ten plik został już zatwierdzony.", "This file has been confirmed already.",
                "Wydatki z pliku są już zapisane; aby dodać inne, wczytaj nowy plik.", "The file's spending is booked already; to add more, read a new file.");
        }
        var now = time.GetUtcNow();
        if (row.ExpiresAt <= now)
        {
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: Text.Pick("Podgląd wygasł.", "The preview has expired."),
                detail: Text.Pick("Wczytaj plik jeszcze raz.", "Read the file again."));
        }
        var valid = Lines(row).Where(l => l.Errors.Count == 0).ToList();
        if (valid.Count == 0)
        {
            return Problems.Unprocessable("Plik nie ma poprawnych wierszy do zapisania.", "The file has no valid lines to book.");
        }
        // The plan as it stands now: spending booked since the preview may leave no room for some lines.
        var book = await BudgetBook.ReadAsync(session);
        var recheck = CheckAll(book, [.. valid.Select(l => l with { Errors = [] })], await BudgetBook.SpentAsync(session));
        if (recheck.Where(l => l.Errors.Count > 0).ToList() is { Count: > 0 } stale)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Text.Pick("Od podglądu zmieniły się wydatki: nie wszystkie wiersze się mieszczą.", "Spending changed since the preview: not every line fits."),
                detail: Text.Pick("Wczytaj plik jeszcze raz. ", "Read the file again. ") + string.Join(" ", stale.Select(l =>
                    Text.Pick($"Wiersz {l.Line}: ", $"Line {l.Line}: ") + string.Join(" ", l.Errors.Select(e => Text.Pick(e.Pl, e.En))))),
                extensions: new Dictionary<string, object?> { ["lines"] = stale.Select(l => l.Line).ToArray() });
        }
        var by = context.User.PersonId()!.Value;
        foreach (var line in valid)
        {
            var check = SpendingRules.Check(book, line.Task, line.Month, line.Amount, line.Eu, line.National, line.Document, line.Description);
            await SpendingRules.InsertAsync(session, Guid.CreateVersion7(), check, id, by, now);
        }
        await session.ExecuteAsync("UPDATE budget_imports SET confirmed_by = @by, confirmed_at = @now WHERE id = @id", new { id, by, now });
        var totals = await session.QuerySingleAsync<(int Applied, decimal Amount, decimal Eu, decimal National)>(
            "SELECT count(*)::int, coalesce(sum(amount), 0), coalesce(sum(eu), 0), coalesce(sum(national), 0) FROM budget_spending WHERE import_id = @id", new { id });
        await session.CommitAsync();
        return TypedResults.Ok(new ImportResult(id, totals.Applied, totals.Amount, totals.Eu, totals.National));
    }

    /// <summary>Each line's own checks (unless it could not be read), then the lines that pass against the plan, in file order.</summary>
    private static List<Stored> CheckAll(BudgetBook book, List<Stored> lines, Dictionary<(int Task, int Year), decimal> spent)
    {
        var own = lines.Select(l =>
        {
            var c = SpendingRules.Check(book, l.Task, l.Month, l.Amount, l.Eu, l.National, l.Document, l.Description);
            // A value that could not be read is reported as such, not again as missing.
            var unreadable = l.Errors.Select(e => e.Field).ToHashSet();
            return c with { Errors = [.. l.Errors.Select(e => (e.Field, e.Pl, e.En)), .. c.Errors.Where(e => !unreadable.Contains(e.Field))] };
        }).ToList();
        var planned = SpendingRules.AgainstPlan(book, own, spent);
        // A valid line keeps its parts as they will be booked (left out in the file: split by the EU share).
        return [.. lines.Select((l, i) => planned[i].Valid
            ? l with { Eu = planned[i].Eu, National = planned[i].National, Errors = [] }
            : l with { Errors = [.. planned[i].Errors.Select(e => new StoredError(e.Field, e.Pl, e.En))] })];
    }

    private static async Task<ImportRow?> FindAsync(DataSession session, Guid id, bool forUpdate) =>
        await session.QuerySingleOrDefaultAsync<ImportRow>($"""
            SELECT id, file_name, lines::text AS lines, uploaded_at, expires_at, confirmed_at FROM budget_imports WHERE id = @id {(forUpdate ? "FOR UPDATE" : "")}
            """, new { id });

    private static List<Stored> Lines(ImportRow row) => JsonSerializer.Deserialize<List<Stored>>(row.Lines, Json) ?? [];

    private static ImportPreview View(ImportRow row, List<Stored> lines)
    {
        var valid = lines.Where(l => l.Errors.Count == 0).ToList();
        return new(row.Id, row.FileName, row.UploadedAt, row.ExpiresAt, row.ConfirmedAt,
            [.. lines.Select(l => new ImportLine(l.Line, l.Task, l.Month, l.Amount, l.Eu, l.National, l.Document, l.Description, l.Errors.Count == 0,
                [.. l.Errors.Select(e => new ImportError(e.Field, Text.Pick(e.Pl, e.En)))]))],
            valid.Count, lines.Count - valid.Count, valid.Sum(l => l.Amount ?? 0), valid.Sum(l => l.Eu ?? 0), valid.Sum(l => l.National ?? 0));
    }

    private static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiego podglądu pliku.", "There is no such file preview.");
}
