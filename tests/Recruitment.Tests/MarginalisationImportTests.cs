using System.Text;
using Cro.Recruitment.Features.Marginalisation;
using Cro.Recruitment.Features.Registry;

namespace Cro.Recruitment.Tests;

public sealed class MarginalisationImportTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> ImportAsync(string csv, bool confirm = false, HttpClient? client = null) =>
        (client ?? service.Operator()).PostAsync($"/api/recruitment/marginalisation-list?confirm={confirm}&fileName=lista.csv",
            new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);

    private async Task<bool> AtRiskAsync(string terc) =>
        (await service.Client.GetFromJsonAsync<JstResponse>($"/api/recruitment/jst/{terc}", Ct))!.AtRiskOfMarginalisation;

    [Fact]
    public async Task A_list_with_bad_lines_changes_nothing_until_the_valid_part_is_confirmed_and_then_replaces_the_previous_list()
    {
        (await ImportAsync("TERC;nazwa\n0201052;Osiecznica\n")).EnsureSuccessStatusCode();
        const string csv = "TERC;nazwa\n0201022;Bolesławiec\n0201032;Gromadka\n0201022;Bolesławiec\n9999999;Nigdzie\nabc\n\n";

        var refused = await ImportAsync(csv);
        var report = await refused.Content.ReadFromJsonAsync<ImportMarginalisationList.Report>(Ct);
        var stillOld = await AtRiskAsync("0201052");
        var applied = await ImportAsync(csv, confirm: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.False(report!.Applied);
        Assert.Equal(2, report.Valid);
        Assert.Equal(["duplicate-of-line-2", "unknown", "invalid"], report.Problems.Select(p => p.Reason));
        Assert.Equal([4, 5, 6], report.Problems.Select(p => p.Line));
        Assert.True(stillOld);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.True(await AtRiskAsync("0201022"));
        Assert.True(await AtRiskAsync("0201032"));
        Assert.False(await AtRiskAsync("0201052"));
    }

    [Fact]
    public async Task A_list_without_a_single_valid_code_is_refused_even_when_confirmed()
    {
        var response = await ImportAsync("kod\n12\n", confirm: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Only_operators_import_the_list()
    {
        var member = service.ClientWith(TestTokens.Person(Guid.NewGuid(), ["jst-coordinator"], "0201022"));

        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync("0201022\n", client: member)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportAsync("0201022\n", client: service.Client)).StatusCode);
    }
}
