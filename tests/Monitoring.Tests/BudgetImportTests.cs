using System.Net;
using Cro.Monitoring.Features.Budget;
using static Cro.Monitoring.Tests.Budgets;

namespace Cro.Monitoring.Tests;

/// <summary>
/// Spending imported from a CSV: the preview says of each line whether it is valid, and what is wrong with the others by
/// line number, with the valid lines' totals, and books nothing; confirming books the valid lines only, once; an unknown
/// preview is 404, an expired one 410, and a preview the plan no longer has room for is refused whole.
/// </summary>
public sealed class BudgetImportTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SpendingImports.ImportPreview> PreviewOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SpendingImports.ImportPreview>(Ct))!;
    }

    [Fact]
    public async Task The_preview_reports_bad_lines_by_number_and_confirming_books_only_the_valid_ones_once()
    {
        var finance = service.Finance();
        // Task 2 in 2024 (plan 2 100 000 zł): a header, decimal commas, a blank line, quotes around a semicolon.
        const string csv = """
            zadanie;miesiąc;kwota;UE;krajowe;dokument;opis
            2;2024-05;1 234,56;1 018,76;215,80;FV/2024/05/1;"Szkolenie; grupa A"
            2;05.2024;100,00;;;FV/2024/05/2;Catering
            7;2024-05;100,00;82,52;17,48;FV/3;Nieznane zadanie

            2;2025-11;100,00;82,52;17,48;FV/4;Po okresie zadania
            2;2024-06;abc;;;FV/5;
            2;2024-06;100,00;50,00;40,00;FV/6;
            2;2024-07;2 100 000,00;;;FV/7;Ponad plan
            2;2024-08;-10;;;;
            """;
        var before = await service.ContentsAsync();
        var preview = await PreviewOf(await finance.PreviewAsync(csv, "wydatki-maj.csv"));

        Assert.Equal("wydatki-maj.csv", preview.FileName);
        Assert.Equal([2, 3, 4, 6, 7, 8, 9, 10], preview.Lines.Select(l => l.Line));
        Assert.Equal([true, true, false, false, false, false, false, false], preview.Lines.Select(l => l.Valid));
        var errors = preview.Lines.Where(l => !l.Valid).ToDictionary(l => l.Line, l => l.Errors.Select(e => e.Field).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(new Dictionary<int, List<string>>
        {
            [4] = ["task"], [6] = ["month"], [7] = ["amount"], [8] = ["eu"], [9] = ["amount"], [10] = ["amount", "document"],
        }, errors);
        Assert.Contains("abc", preview.Lines.Single(l => l.Line == 7).Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("zadania 2 w 2024 r.", preview.Lines.Single(l => l.Line == 9).Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("Szkolenie; grupa A", preview.Lines[0].Description);
        Assert.Equal((2, 6, 1_334.56m, 1_101.28m, 233.28m), (preview.ValidLines, preview.InvalidLines, preview.ValidAmount, preview.ValidEu, preview.ValidNational));
        Assert.Equal(0, (await service.QueryAsync<int>("SELECT count(*)::int FROM budget_spending WHERE task = 2")).Single());
        Assert.NotEqual(before, await service.ContentsAsync()); // the preview itself is kept

        var confirmed = await finance.PostAsync($"{Imports}/{preview.Id}/confirm", null, Ct);
        var again = await finance.PostAsync($"{Imports}/{preview.Id}/confirm", null, Ct);
        var shown = await finance.GetFromJsonAsync<SpendingImports.ImportPreview>($"{Imports}/{preview.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var result = (await confirmed.Content.ReadFromJsonAsync<SpendingImports.ImportResult>(Ct))!;
        Assert.Equal((2, 1_334.56m, 1_101.28m, 233.28m), (result.Applied, result.Amount, result.Eu, result.National));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.NotNull(shown!.ConfirmedAt);
        var booked = (await finance.GetFromJsonAsync<List<SpendingLineView>>($"{Spending}?task=2", Ct))!;
        Assert.Equal([("2024-05", 100.00m, 82.52m, "FV/2024/05/2"), ("2024-05", 1_234.56m, 1_018.76m, "FV/2024/05/1")],
            booked.Select(l => (l.Month, l.Amount, l.Eu, l.Document)).Order());
        Assert.All(booked, l => Assert.Equal(preview.Id, l.ImportId));
    }

    [Fact]
    public async Task An_unknown_preview_is_not_found_an_expired_one_is_gone_and_nothing_is_booked()
    {
        var finance = service.Finance();
        var preview = await PreviewOf(await finance.PreviewAsync("1;2023-07;500,00;;;FV/2023/07/1;Ekspertyza\n"));
        Assert.True(preview.Lines.Single().Valid);

        var unknown = await finance.PostAsync($"{Imports}/{Guid.CreateVersion7()}/confirm", null, Ct);
        var unknownShown = await finance.GetAsync($"{Imports}/{Guid.CreateVersion7()}", Ct);
        service.Clock.Advance(SpendingImports.Keep + TimeSpan.FromMinutes(1));
        var before = await service.ContentsAsync();
        var expired = await finance.PostAsync($"{Imports}/{preview.Id}/confirm", null, Ct);
        var empty = await finance.PreviewAsync("");
        var headerOnly = await finance.PreviewAsync("zadanie;miesiąc;kwota;UE;krajowe;dokument;opis\n");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownShown.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(["csv"], (await empty.ErrorsAsync()).Keys);
        Assert.Equal(["csv"], (await headerOnly.ErrorsAsync()).Keys);
        Assert.Equal(before, await service.ContentsAsync());
    }

    [Fact]
    public async Task A_preview_the_plan_no_longer_has_room_for_is_refused_naming_its_line_and_books_nothing()
    {
        var finance = service.Finance();
        // Task 4's plan for 2026 is 327 272,72 zł: the file takes 300 000, then 27 272,72 is booked by hand.
        var preview = await PreviewOf(await finance.PreviewAsync("4;2026-02;100 000,00;;;FV/A;\n4;2026-03;200 000,00;;;FV/B;\n"));
        Assert.Equal(2, preview.ValidLines);
        Assert.Equal(HttpStatusCode.Created, (await finance.BookAsync(Line(4, "2026-01", 27_272.73m, document: "FV/R"))).StatusCode);

        var before = await service.ContentsAsync();
        var confirmed = await finance.PostAsync($"{Imports}/{preview.Id}/confirm", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, confirmed.StatusCode);
        var problem = await confirmed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        Assert.Equal([2], problem.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()));
        Assert.Equal(before, await service.ContentsAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Team("9910022").PostAsync($"{Imports}/{preview.Id}/confirm", null, Ct)).StatusCode);
    }
}
