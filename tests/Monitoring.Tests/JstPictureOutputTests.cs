using System.Net;
using Cro.Monitoring.Features.Diagnosis;
using Cro.Monitoring.Features.Diagnosis.Picture;
using CsvHelper;
using MiniExcelLibs;
using PdfSharp.Pdf.IO;

namespace Cro.Monitoring.Tests;

/// <summary>
/// What comes out of a diagnosis: the answers exported long (a row per answer) and wide (a row per school, repeat-group
/// rows as group[i].question columns), in CSV and XLSX, read back cell by cell; the PDF report; ORE's progress and
/// medians; small counts hidden from ORE in exports too; another JST's team gets nothing.
/// </summary>
public sealed class JstPictureOutputTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<Dictionary<string, string>> ParseCsv(byte[] bytes)
    {
        using var csv = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { HasHeader = false }, leaveOpen: false);
        var rows = new List<Dictionary<string, string>>();
        var headers = new List<string>();
        while (csv.Read())
        {
            if (headers.Count == 0)
            {
                for (var i = 0; i < csv.FieldCount; i++)
                {
                    headers.Add(csv.GetString(i).TrimStart('\uFEFF'));
                }
                continue;
            }
            rows.Add(headers.Select((h, i) => (h, v: csv.GetString(i))).ToDictionary(c => c.h, c => c.v));
        }
        return rows;
    }

    private async Task<byte[]> GetBytesAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    [Fact]
    public async Task Answers_export_long_and_wide_with_repeat_groups_the_PDF_opens_and_ORE_sees_progress_and_medians()
    {
        await service.AddJstAsync("9911011", "urban-municipality");
        var (team, diagnosis) = await service.StartedAsync("9911011", schools: 2);
        var first = diagnosis.Schools()[0];
        await service.QueryAsync<int>("UPDATE schools SET rspo_id = 990000001, source = 'rspo-2022' WHERE id = @id RETURNING 1", new { id = first.SchoolId });
        await service.SubmitFilledAsync(team, first.Id, ofSchool: true, new Dictionary<string, AnswerValue?>
        {
            ["pupils"] = new(Number: 120), ["pupils_without_device"] = new(Number: 3), ["bandwidth_download"] = new(DontKnow: true),
            ["devices"] = Pictures.Devices(("desktop", "over_5", 10, 8), ("laptop", "under_2", 12, 12)),
        });
        await team.SaveAsync($"{Diagnoses.Api}/questionnaires/{diagnosis.Schools()[1].Id}", new Dictionary<string, AnswerValue?>
        {
            ["pupils"] = new(Number: 75), ["ict_uses"] = new(Choices: ["presentation", "assessment"]),
        });
        await service.OneSchoolJstAsync("9912011", "rural-municipality", 60);
        await service.OneSchoolJstAsync("9913011", "rural-municipality", 90);
        await service.OneSchoolJstAsync("9804", "county", 30);
        var export = $"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/answers/export";

        var longRows = ParseCsv(await GetBytesAsync(team, $"{export}?form=long&format=csv"));
        var owned = Assert.Single(longRows, r => r["question_key"] == "devices_owned" && r["row_index"] == "2");
        Assert.Equal((first.SchoolId.ToString(), "990000001", first.SchoolName, "equipment", "devices", "row-2", "12", "submitted"),
            (owned["school_id"], owned["rspo_id"], owned["school_name"], owned["section"], owned["group_key"], owned["row_key"], owned["value"], owned["status"]));
        Assert.Equal("laptop", Assert.Single(longRows, r => r["question_key"] == "device_type" && r["row_key"] == "row-2")["value"]);
        Assert.Equal("nie wiem", Assert.Single(longRows, r => r["question_key"] == "bandwidth_download")["value"]);
        Assert.Contains(longRows, r => r["question_key"] == "ict_uses" && r["value"] == "presentation;assessment" && r["status"] == "open");
        Assert.Equal(("", ""), Assert.Single(longRows, r => r["question_key"] == "pupils" && r["value"] == "120") is var p ? (p["group_key"], p["row_index"]) : default);
        Assert.Equal("3", Assert.Single(longRows, r => r["question_key"] == "pupils_without_device")["value"]);

        var wide = ParseCsv(await GetBytesAsync(team, $"{export}?form=wide&format=csv"));
        Assert.Equal(2, wide.Count);
        var school = Assert.Single(wide, r => r["school_id"] == first.SchoolId.ToString());
        Assert.Equal(("120", "row-1", "desktop", "over_5", "10", "8", "row-2", "12"), (school["pupils"], school["devices[1].key"], school["devices[1].device_type"],
            school["devices[1].device_age"], school["devices[1].devices_owned"], school["devices[1].devices_for_pupils"], school["devices[2].key"],
            school["devices[2].devices_owned"]));
        var open = Assert.Single(wide, r => r["school_id"] != first.SchoolId.ToString());
        Assert.Equal(("75", "open", ""), (open["pupils"], open["status"], open["devices[1].key"]));

        using var xlsx = new MemoryStream(await GetBytesAsync(team, $"{export}?form=wide&format=xlsx"));
        var sheet = (await xlsx.QueryAsync(useHeaderRow: true, cancellationToken: Ct)).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("row-2", Assert.Single(sheet, r => (string)r["school_id"] == first.SchoolId.ToString())["devices[2].key"]);

        // ORE: the count of 3 pupils is "< 5" in the exports as in the picture; other numbers as they are.
        var ofOre = ParseCsv(await GetBytesAsync(service.Operator(), $"{export}?form=long&format=csv"));
        Assert.Equal("< 5", Assert.Single(ofOre, r => r["question_key"] == "pupils_without_device")["value"]);
        Assert.Equal("12", Assert.Single(ofOre, r => r["question_key"] == "devices_owned" && r["row_index"] == "2")["value"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await team.GetAsync($"{export}?form=tall", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await team.GetAsync($"{export}?format=ods", Ct)).StatusCode);

        var pdf = await GetBytesAsync(team, $"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/picture.pdf");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal("Obraz JST: Gmina Testowa 9911011", document.Info.Title);

        // Another JST's team: none of it.
        var other = service.Team("9912011");
        foreach (var path in new[] { $"{export}?form=long", $"{export}?form=wide&format=xlsx", $"{Diagnoses.Api}/diagnoses/{diagnosis.Id}/picture.pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path, Ct)).StatusCode);
        }

        // ORE's overview: 4 baselines collecting, 4 of 5 schools submitted; pupils per computer 6.0 (this JST), 6.0, 9.0, 3.0.
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"{Diagnoses.Api}/diagnosis-overview", Ct)).StatusCode);
        var overview = (await service.Operator().GetFromJsonAsync<DiagnosisOverview.Overview>($"{Diagnoses.Api}/diagnosis-overview", Ct))!;
        Assert.Equal(new DiagnosisOverview.Progress("baseline", 4, 4, 0, 5, 4), Assert.Single(overview.Progress));
        MedianComparison Computers(DiagnosisOverview.Area area) => Assert.Single(area.Figures, f => f.Key == "pupils_per_computer").Median;
        Assert.Equal(new MedianComparison("PL", 4, 6.00m, true), Computers(overview.National));
        Assert.Equal(new MedianComparison("99", 3, 6.00m, true), Computers(Assert.Single(overview.Voivodeships, v => v.Code == "99")));
        Assert.Equal(new MedianComparison("98", 1, null, false), Computers(Assert.Single(overview.Voivodeships, v => v.Code == "98")));
        var table = ParseCsv(await GetBytesAsync(service.Operator(), $"{Diagnoses.Api}/diagnosis-overview/export?format=csv"));
        Assert.Equal(("4", "6"), Assert.Single(table, r => r["obszar"] == "PL" && r["wskaznik"] == "pupils_per_computer") is var n ? (n["jst_w_medianie"], n["mediana"]) : default);
        Assert.Equal("", Assert.Single(table, r => r["obszar"] == "98" && r["wskaznik"] == "pupils_per_computer")["mediana"]);
    }
}
