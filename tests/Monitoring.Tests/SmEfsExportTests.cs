using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Cro.Monitoring.Features.EsfParticipants;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The SM EFS report: the validation says, column by column, what keeps a participant or an institution out; the files carry
/// the valid rows only, each checked here against the column rules (<see cref="SmEfsLayouts"/>), or refuse with the report
/// when asked to be strict; non-binary is mapped as documented; only the ESF+ data role gets any of it.
/// </summary>
public sealed class SmEfsExportTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Gromadka = "0201032";

    private async Task RegisterAsync(string terc, string name, string kind) =>
        await service.PublishTwiceAsync(new JstRegistered { Terc = terc, Name = name, Kind = kind, VoivodeshipTerc = terc[..2], RegisteredAt = DateTimeOffset.UtcNow });

    /// <summary>Gromadka's team: two who filled the form and started (one non-binary, refusing an answer), one who started without the form.</summary>
    private async Task<(EsfTeam Team, EsfTeam.Person Valid, EsfTeam.Person NonBinary, EsfTeam.Person Unfilled)> ReportedTeamAsync()
    {
        await RegisterAsync("02", "DOLNOŚLĄSKIE", "voivodeship");
        await RegisterAsync("0201", "bolesławiecki", "county");
        await RegisterAsync(Gromadka, "Gromadka", "rural");
        await Eventually.GetAsync(() => service.QueryAsync<int>("SELECT count(*)::int FROM jst WHERE terc IN ('02', '0201', @Gromadka)", new { Gromadka }),
            c => c.Single() == 3, what: "the JST registered");
        var (valid, nonBinary, unfilled) = (EsfTeam.NewPerson("Anna Kowalska", "woman"), EsfTeam.NewPerson("Alex Nowak", "non-binary"),
            EsfTeam.NewPerson("Jan Bezformularza", "man"));
        var team = await EsfTeam.AcceptAsync(service, Gromadka, valid, nonBinary, unfilled);
        foreach (var person in new[] { valid, nonBinary, unfilled })
        {
            await team.AttendAsync(person, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        }
        await EsfTeam.SubmitAsync(team.SignedIn(valid), EsfTeam.Form());
        await EsfTeam.SubmitAsync(team.SignedIn(nonBinary), EsfTeam.Form(sex: "non-binary", pesel: null, noPesel: true, age: 29, education: "isced-3",
            labourStatus: "employed-ngo", foreignOrigin: "refused"));
        Assert.Equal(HttpStatusCode.NoContent, (await EsfTeam.EsfData(service).PutAsJsonAsync($"/api/monitoring/sm-efs/institutions/{Gromadka}",
            new SmEfsExport.InstitutionDetails("5260250274", "Gromadka", "Wolności", "10", "59-706"), Ct)).StatusCode);
        return (team, valid, nonBinary, unfilled);
    }

    [Fact]
    public async Task Exported_rows_obey_every_column_rule_and_invalid_ones_are_reported_not_exported()
    {
        var (_, valid, nonBinary, unfilled) = await ReportedTeamAsync();
        var esf = EsfTeam.EsfData(service);

        var report = await esf.GetFromJsonAsync<SmEfsExport.ValidationReport>("/api/monitoring/sm-efs/validation", Ct);
        Assert.True(report!.Participants.Single(p => p.MemberId == valid.MemberId).Ok);
        Assert.True(report.Participants.Single(p => p.MemberId == nonBinary.MemberId).Ok);
        var missing = report.Participants.Single(p => p.MemberId == unfilled.MemberId);
        Assert.False(missing.Ok);
        Assert.Contains(missing.Violations, v => v.Column == "Płeć");
        Assert.Contains(missing.Violations, v => v.Column == "Wykształcenie");
        Assert.Contains(missing.Violations, v => v.Column == "Osoba z niepełnosprawnościami");
        Assert.True(Assert.Single(report.Institutions, i => i.Terc == Gromadka).Ok);

        var (headers, rows) = Csv(await esf.GetStringAsync("/api/monitoring/sm-efs/participants.csv", Ct));
        Assert.Equal(SmEfsLayouts.Participants.Headers, headers);
        Assert.Equal(2, rows.Count);
        foreach (var row in rows)
        {
            AssertObeys(SmEfsLayouts.Participants.Columns, headers, row);
        }
        string Cell(IReadOnlyList<string> row, string column) => row[headers.ToList().IndexOf(column)];
        var alex = Assert.Single(rows, r => Cell(r, "Nazwisko") == "Nowak");
        Assert.Equal(("Alex", "Niebinarna", "Tak", "", "Odmowa podania informacji", "Gromadka", "bolesławiecki", "DOLNOŚLĄSKIE", "2026-03-02"),
            (Cell(alex, "Imię"), Cell(alex, "Płeć"), Cell(alex, "Brak PESEL"), Cell(alex, "PESEL"), Cell(alex, "Osoba obcego pochodzenia"),
             Cell(alex, "Gmina"), Cell(alex, "Powiat"), Cell(alex, "Województwo"), Cell(alex, "Data rozpoczęcia udziału w projekcie")));
        Assert.Equal(("Kobieta", "44051401359", "Wyższe (ISCED 5-8)"),
            (Cell(rows.Single(r => Cell(r, "Nazwisko") == "Kowalska"), "Płeć"), Cell(rows.Single(r => Cell(r, "Nazwisko") == "Kowalska"), "PESEL"),
             Cell(rows.Single(r => Cell(r, "Nazwisko") == "Kowalska"), "Wykształcenie")));

        var (institutionHeaders, institutions) = Csv(await esf.GetStringAsync("/api/monitoring/sm-efs/institutions.csv", Ct));
        var gromadka = Assert.Single(institutions);
        AssertObeys(SmEfsLayouts.Institutions.Columns, institutionHeaders, gromadka);
        Assert.Equal("5260250274", gromadka[institutionHeaders.ToList().IndexOf("NIP")]);

        var xlsx = await esf.GetAsync("/api/monitoring/sm-efs/participants.xlsx", Ct);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.True((await xlsx.Content.ReadAsByteArrayAsync(Ct)).Length > 0);

        // Strict: refused with the report while a row is not valid.
        var strict = await esf.GetAsync("/api/monitoring/sm-efs/participants.csv?strict=true", Ct);
        Assert.Equal(HttpStatusCode.Conflict, strict.StatusCode);
        Assert.Contains("Bezformularza", await strict.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await esf.GetAsync("/api/monitoring/sm-efs/institutions.csv?strict=true", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await esf.GetAsync("/api/monitoring/sm-efs/participants.pdf", Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_the_ESF_data_role_validates_exports_and_sets_institutions()
    {
        var paths = new[] { "/api/monitoring/sm-efs/validation", "/api/monitoring/sm-efs/participants.csv", "/api/monitoring/sm-efs/institutions.xlsx" };
        foreach (var client in new[] { service.Operator(), EsfTeam.Admin(service), service.Partner() })
        {
            foreach (var path in paths)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path, Ct)).StatusCode);
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync($"/api/monitoring/sm-efs/institutions/{Gromadka}",
                new SmEfsExport.InstitutionDetails("5260250274", "Gromadka", null, "1", "59-706"), Ct)).StatusCode);
        }
        // A bad NIP is refused naming it, and nothing is written.
        var bad = await EsfTeam.EsfData(service).PutAsJsonAsync("/api/monitoring/sm-efs/institutions/0201011",
            new SmEfsExport.InstitutionDetails("5260250275", "Bolesławiec", null, "1", "59-700"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("nip", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal([0], await service.QueryAsync<int>("SELECT count(*)::int FROM esf_institutions WHERE jst_terc = '0201011'"));
    }

    /// <summary>Each cell against its column's rule, read from the rules themselves (not through the service's own check).</summary>
    private static void AssertObeys(IReadOnlyList<SmEfsColumn> columns, IReadOnlyList<string> headers, IReadOnlyList<string> row)
    {
        Assert.Equal(columns.Count, row.Count);
        string? ValueOf(string column) => row[headers.ToList().IndexOf(column)] is { Length: > 0 } v ? v : null;
        foreach (var column in columns)
        {
            var value = ValueOf(column.Name);
            var required = column.Required || (column.RequiredWhenColumn is { } other && ValueOf(other) == column.RequiredWhenValue);
            if (value is null)
            {
                Assert.False(required, $"{column.Name} is required");
                continue;
            }
            if (column.Allowed is { } allowed)
            {
                Assert.Contains(value, allowed);
            }
            if (column.Format is { } format)
            {
                Assert.Matches(new Regex(format), value);
            }
        }
    }

    /// <summary>RFC 4180 CSV (the byte order mark dropped): the header and the rows.</summary>
    private static (IReadOnlyList<string> Headers, List<IReadOnlyList<string>> Rows) Csv(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        var (record, field, quoted) = (new List<string>(), new StringBuilder(), false);
        text = text.TrimStart('\uFEFF');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { i++; }
                record.Add(field.ToString()); field.Clear(); records.Add(record); record = [];
            }
            else { field.Append(c); }
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return (records[0], records.Skip(1).ToList());
    }
}
