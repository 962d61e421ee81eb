namespace Cro.Monitoring.Features.Budget;

/// <summary>A line of spending as the finance staff send it (typed in, or corrected).</summary>
[OpenApiSchemaName("BudgetSpendingLine")]
public sealed record SpendingLine(
    [property: FieldLabel("Zadanie", "Task")] int? Task,
    [property: FieldLabel("Miesiąc (RRRR-MM)", "Month (YYYY-MM)")] string? Month,
    [property: FieldLabel("Kwota (zł)", "Amount (PLN)")] decimal? Amount,
    [property: FieldLabel("Część UE (zł)", "EU part (PLN)")] decimal? Eu,
    [property: FieldLabel("Część krajowa (zł)", "National part (PLN)")] decimal? National,
    [property: FieldLabel("Numer dokumentu", "Document number")] string? Document,
    [property: FieldLabel("Opis", "Description")] string? Description)
{
    public SpendingRules.Checked Check(BudgetBook book) => SpendingRules.Check(book, Task, Month, Amount, Eu, National, Document, Description);
}

/// <summary>A line of spending as booked: who entered it and when, and who last corrected it and when.</summary>
[OpenApiSchemaName("BudgetSpendingLineView")]
public sealed record SpendingLineView(Guid Id, int Task, string Month, decimal Amount, decimal Eu, decimal National, string Document, string? Description,
    Guid? ImportId, Guid EnteredBy, DateTimeOffset EnteredAt, Guid? CorrectedBy, DateTimeOffset? CorrectedAt)
{
    public const string Select = """
        SELECT id, task, month, amount, eu, national, document, description, import_id, entered_by, entered_at, corrected_by, corrected_at
        FROM budget_spending
        """;

    private sealed record Row(Guid Id, int Task, DateOnly Month, decimal Amount, decimal Eu, decimal National, string Document, string? Description,
        Guid? ImportId, Guid EnteredBy, DateTimeOffset EnteredAt, Guid? CorrectedBy, DateTimeOffset? CorrectedAt);

    public static async Task<List<SpendingLineView>> ReadAsync(DataSession session, string where, object? parameters = null) =>
        [.. (await session.QueryAsync<Row>($"{Select} {where}", parameters)).Select(r => new SpendingLineView(r.Id, r.Task, SpendingRules.Month(r.Month),
            r.Amount, r.Eu, r.National, r.Document, r.Description, r.ImportId, r.EnteredBy, r.EnteredAt, r.CorrectedBy, r.CorrectedAt))];
}
