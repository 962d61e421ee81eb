using MiniExcelLibs;

namespace Cro.Recruitment.Tests;

public sealed class ExportTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Applications_and_teams_export_as_CSV_and_XLSX_one_row_per_member_without_drafts()
    {
        var round = await Applicants.OpenRoundAsync(service);
        await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralBoleslawiec, teamSize: 4);
        await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralGromadka);
        await Applicants.StartAsync(service, round.Id, Applicants.WholeForm(Applicants.RuralOsiecznica, Applicants.Team(3)));

        var csv = await service.Operator().GetAsync($"/api/recruitment/rounds/{round.Id}/export", Ct);
        var xlsx = await service.Operator().GetAsync($"/api/recruitment/rounds/{round.Id}/export?format=xlsx", Ct);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        await using var workbook = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        var sheet = (await workbook.QueryAsync(useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("teryt,jst,rodzaj,wojewodztwo", lines[0]);
        Assert.Equal(7, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("0201022,Bolesławiec,gmina wiejska,dolnośląskie,nie,\"złożony, czeka na decyzję\",14,", StringComparison.Ordinal));
        Assert.EndsWith(",rodzaj_kod,status_kod,plec_kod", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("0201022,", StringComparison.Ordinal) && l.EndsWith(",rural-municipality,submitted,woman", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("0201022,", StringComparison.Ordinal) && l.Contains(",kobieta,tak,", StringComparison.Ordinal));
        Assert.Equal("gmina wiejska", sheet.Last()["rodzaj"]);
        Assert.Equal("rural-municipality", sheet.Last()["rodzaj_kod"]);
        Assert.Equal(7, sheet.Count);
        Assert.Equal("Gromadka", sheet.Last()["jst"]);
        Assert.DoesNotContain(lines, l => l.Contains("Osiecznica", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_operators_export_and_only_known_formats()
    {
        var round = await Applicants.OpenRoundAsync(service);

        Assert.Equal(HttpStatusCode.BadRequest, (await service.Operator().GetAsync($"/api/recruitment/rounds/{round.Id}/export?format=pdf", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Client.GetAsync($"/api/recruitment/rounds/{round.Id}/export", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Operator().GetAsync($"/api/recruitment/rounds/{Guid.NewGuid()}/export", Ct)).StatusCode);
    }
}
