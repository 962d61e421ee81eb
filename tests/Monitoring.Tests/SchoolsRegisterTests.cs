using System.IO.Compression;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Cro.BuildingBlocks.Persistence;
using Cro.Monitoring.Features.Schools;
using Cro.ServiceDefaults.Security;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.VisualBasic.FileIO;
using Npgsql;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The schools register: the import of the real 2022 extract (once, at the fixture's start-up, as in production), held
/// against counts this test reads from the file itself; a second import that changes nothing; a team's corrections that
/// a re-import leaves alone, with their history (who and when); isolation between JST; bad input refused with nothing written.
/// </summary>
public sealed class SchoolsRegisterTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Counted against the file: a gmina wiejska, a gmina whose TERC changed between 2022 and 2024 (wiejska → miejsko-wiejska),
    // a powiat, and Warsaw (its dzielnice's schools all run by the city).
    private const string Dzierzoniow = "0202052", CzarnyDunajec = "1211033", PowiatKrakowski = "1206", Warsaw = "1465011";

    // Changed by the tests, each by one test only.
    private const string Boleslawiec = "0201011", Gromadka = "0201032", PowiatBoleslawiecki = "0201", Luban = "0210042",
        DzierzoniowCity = "0202011";

    private static readonly Lazy<ExtractFacts> File = new(ExtractFacts.Read);

    private NpgsqlDataSource DataSource => service.Factory.Services.GetRequiredService<NpgsqlDataSource>();

    private HttpClient Team(string terc, Guid? person = null, string name = "Anna Nowak") =>
        service.ClientWith(TestTokens.Person(person ?? Guid.CreateVersion7(), ["jst-member"], jst: terc, name: name));

    private HttpClient Advisor(params string[] advised) => service.ClientWith(TestTokens.Create(
    [
        new(CroClaims.Subject, Guid.CreateVersion7().ToString()), new(CroClaims.PrincipalType, CroClaims.Person), new(CroClaims.Role, Roles.Advisor),
        .. advised.Select(terc => new Claim(CroClaims.AdvisedJst, terc)),
    ]));

    private static Task<ListSchools.SchoolList?> ListAsync(HttpClient client, string terc, string query = "") =>
        client.GetFromJsonAsync<ListSchools.SchoolList>($"/api/monitoring/jst/{terc}/schools{query}", Ct);

    private static async Task<SchoolView> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<SchoolView>(Ct))!;
    }

    private Task<ImportSchoolRegister.Report?> ImportAgainAsync() =>
        ImportSchoolRegister.ImportAsync(DataSource, RspoExtract.OpenEmbedded, RspoExtract.FileName, service.Clock, ct: Ct);

    private async Task<(long Schools, long Changes, long Confirmations)> RowsAsync() => (await service.QueryAsync<(long, long, long)>("""
        SELECT (SELECT count(*) FROM schools), (SELECT count(*) FROM school_changes), (SELECT count(*) FROM school_list_confirmations)
        """)).Single();

    [Theory]
    [InlineData(Dzierzoniow)]
    [InlineData(CzarnyDunajec)]
    [InlineData(PowiatKrakowski)]
    [InlineData(Warsaw)]
    public async Task A_JST_has_exactly_the_schools_the_extract_says_it_runs(string terc)
    {
        var expected = File.Value.RspoIdsRunBy[terc];

        var list = (await ListAsync(service.Operator(), terc))!;

        Assert.True(expected.Count > 4, $"{terc} runs {expected.Count} schools in the file");
        Assert.Equal(expected.Order(), list.Schools.Select(s => s.RspoId!.Value).Order());
        Assert.Equal((expected.Count, 0), (list.Active, list.Closed));
        Assert.All(list.Schools, s => Assert.Equal((terc, "rspo-2022", "active"), (s.JstTerc, s.Source, s.Status)));
        Assert.All(list.Schools, s => Assert.StartsWith("derived:", s.JstTercMethod));
    }

    [Fact]
    public async Task The_start_up_import_reports_every_row_of_the_extract_imported_or_skipped_with_its_reason()
    {
        var first = (await service.QueryAsync<DateTimeOffset>("SELECT started_at FROM school_register_imports ORDER BY started_at LIMIT 1")).Single();
        var report = (await service.QueryAsync<(int RowsRead, int Imported, int Updated, string Skipped)>(
            "SELECT rows_read, imported, updated, skipped::text FROM school_register_imports WHERE started_at = @first", new { first })).Single();
        var facts = File.Value;

        Assert.Equal((facts.Rows, facts.RspoIdsRunBy.Values.Sum(ids => ids.Count), 0), (report.RowsRead, report.Imported, report.Updated));
        AssertSkipped(JsonSerializer.Deserialize<Dictionary<string, int>>(report.Skipped)!);
        Assert.Equal(report.Imported, (await service.QueryAsync<long>("SELECT count(*) FROM schools WHERE source = 'rspo-2022'")).Single());

        // ORE reads the latest run's report (other tests of the class import again).
        var latest = await service.Operator().GetFromJsonAsync<ImportSchoolRegister.Report>("/api/monitoring/school-register/last-import", Ct);
        var stored = (await service.QueryAsync<(Guid Id, int RowsRead, int Unchanged)>(
            "SELECT id, rows_read, unchanged FROM school_register_imports ORDER BY started_at DESC LIMIT 1")).Single();
        Assert.Equal(stored, (latest!.Id, latest.RowsRead, latest.Unchanged));
        Assert.Equal(HttpStatusCode.Forbidden, (await Team(Gromadka).GetAsync("/api/monitoring/school-register/last-import", Ct)).StatusCode);
    }

    /// <summary>Every reason is reported, with the file's counts where it has rows skipped and zero elsewhere.</summary>
    private static void AssertSkipped(IReadOnlyDictionary<string, int> skipped)
    {
        Assert.Equal(ImportSchoolRegister.SkipReasons.Order(), skipped.Keys.Order());
        Assert.Equal(File.Value.SkippedByOrganKind, skipped.Where(s => s.Value > 0).ToDictionary());
    }

    [Fact]
    public async Task A_second_import_changes_nothing_and_the_start_up_does_not_import_the_same_extract_again()
    {
        var imported = (await service.QueryAsync<int>("SELECT imported FROM school_register_imports ORDER BY started_at LIMIT 1")).Single();
        var before = await RowsAsync();
        var lastUpdate = (await service.QueryAsync<DateTime>("SELECT max(updated_at) FROM schools")).Single();

        var again = (await ImportAgainAsync())!;

        Assert.Equal((0, 0), (again.Imported, again.Updated));
        Assert.Equal(imported, again.Unchanged + again.Kept);
        AssertSkipped(again.Skipped);
        Assert.Equal(before, await RowsAsync());
        Assert.Equal(lastUpdate, (await service.QueryAsync<DateTime>("SELECT max(updated_at) FROM schools")).Single());
        Assert.Null(await ImportSchoolRegister.ImportAsync(DataSource, RspoExtract.OpenEmbedded, RspoExtract.FileName, service.Clock,
            unlessImported: true, Ct));
    }

    [Fact]
    public async Task A_teams_corrections_and_closures_survive_a_reimport_and_the_history_says_who_did_what_and_when()
    {
        var person = Guid.CreateVersion7();
        var team = Team(Boleslawiec, person, "Ewa Kowalska");
        var schools = (await ListAsync(team, Boleslawiec))!.Schools;
        var (renamed, closed) = (schools[0], schools[1]);
        var form = new SchoolForm(renamed.Name + " (poprawiona)", "Szkoła podstawowa", "Kościuszki", "12a", "59-700", "Bolesławiec", true,
            "Nazwa z rejestru jest nieaktualna");

        var corrected = await ReadAsync(await team.PutAsJsonAsync($"/api/monitoring/schools/{renamed.Id}", form, Ct));
        var closure = await ReadAsync(await team.PostAsJsonAsync($"/api/monitoring/schools/{closed.Id}/closure",
            new SchoolStatusChange("Zlikwidowana w 2023 r."), Ct));
        var report = (await ImportAgainAsync())!;

        Assert.Equal((form.Name, "Kościuszki", "12a", renamed.RspoId), (corrected.Name, corrected.Street, corrected.HouseNumber, corrected.RspoId));
        Assert.Equal(("closed", "Zlikwidowana w 2023 r."), (closure.Status, closure.ClosedReason));
        Assert.True(report.Kept >= 2);
        Assert.Equal((0, 0), (report.Imported, report.Updated));
        var after = (await ListAsync(team, Boleslawiec))!;
        Assert.Equal((form.Name, "active"), (after.Schools.Single(s => s.Id == renamed.Id).Name, after.Schools.Single(s => s.Id == renamed.Id).Status));
        Assert.Equal("closed", after.Schools.Single(s => s.Id == closed.Id).Status);
        Assert.Equal((schools.Count - 1, 1), (after.Active, after.Closed));

        var history = (await team.GetFromJsonAsync<SchoolHistory.History>($"/api/monitoring/jst/{Boleslawiec}/schools/history", Ct))!;
        Assert.Equal(["closed", "corrected"], history.Changes.Select(c => c.Change));
        Assert.All(history.Changes, c => Assert.Equal((person, "Ewa Kowalska"), (c.ChangedBy, c.ChangedByName)));
        Assert.All(history.Changes, c => Assert.InRange(c.ChangedAt, service.Clock.GetUtcNow().AddMinutes(-1), service.Clock.GetUtcNow()));
        var correction = history.Changes.Single(c => c.Change == "corrected");
        Assert.Equal((renamed.Name, form.Name), (correction.Before!.Name, correction.After.Name));
        Assert.Equal(("Nazwa z rejestru jest nieaktualna", renamed.Id), (correction.Reason, correction.SchoolId));
        Assert.Equal(("active", "closed"), (history.Changes[0].Before!.Status, history.Changes[0].After.Status));
        var oneSchool = await team.GetFromJsonAsync<SchoolHistory.History>($"/api/monitoring/jst/{Boleslawiec}/schools/history?schoolId={closed.Id}", Ct);
        Assert.Equal([closed.Id], oneSchool!.Changes.Select(c => c.SchoolId));

        // Reopened, it stays the team's: the import does not take it back either.
        var reopened = await ReadAsync(await team.PostAsJsonAsync($"/api/monitoring/schools/{closed.Id}/reopening",
            new SchoolStatusChange("Zamknięta przez pomyłkę"), Ct));
        Assert.Equal(("active", null), (reopened.Status, reopened.ClosedReason));
        Assert.NotNull(reopened.TeamChangedAt);
    }

    [Fact]
    public async Task A_newer_extract_updates_what_the_team_has_not_changed_with_history_and_leaves_what_it_has()
    {
        var team = Team(DzierzoniowCity);
        var schools = (await ListAsync(team, DzierzoniowCity))!.Schools;
        var (updated, teams) = (schools[0], schools[1]);
        await ReadAsync(await team.PutAsJsonAsync($"/api/monitoring/schools/{teams.Id}",
            new SchoolForm(teams.Name + " (nazwa zespołu)", teams.Kind, teams.Street, teams.HouseNumber, teams.Postcode, teams.Town, teams.IsPublic), Ct));
        var lines = ExtractLines(updated.RspoId!.Value, teams.RspoId!.Value);
        string Renamed(string line, SchoolView school, string to) => line.StartsWith($"{school.RspoId},") ? line.Replace(school.Name, to) : line;
        string[] newer = [.. lines.Select(line => Renamed(Renamed(line, updated, updated.Name + " im. Nowego Patrona"), teams, teams.Name + " w nowym budynku"))];

        var report = (await ImportSchoolRegister.ImportAsync(DataSource, () => Compressed(newer), "newer.csv.gz", service.Clock, ct: Ct))!;

        Assert.Equal((2, 0, 1, 0, 1), (report.RowsRead, report.Imported, report.Updated, report.Unchanged, report.Kept));
        var now = (await ListAsync(team, DzierzoniowCity))!.Schools;
        Assert.Equal(updated.Name + " im. Nowego Patrona", now.Single(s => s.Id == updated.Id).Name);
        Assert.Equal(teams.Name + " (nazwa zespołu)", now.Single(s => s.Id == teams.Id).Name);
        var change = (await team.GetFromJsonAsync<SchoolHistory.History>(
            $"/api/monitoring/jst/{DzierzoniowCity}/schools/history?schoolId={updated.Id}", Ct))!.Changes.Single();
        Assert.Equal(("register-updated", null, ImportSchoolRegister.ImportedBy, "newer.csv.gz"), (change.Change, change.ChangedBy, change.ChangedByName, change.Reason));
        Assert.Equal((updated.Name, updated.Name + " im. Nowego Patrona"), (change.Before!.Name, change.After.Name));

        // The extract as it was brings the name back, as another change of the register.
        var back = (await ImportSchoolRegister.ImportAsync(DataSource, () => Compressed(lines), "older.csv.gz", service.Clock, ct: Ct))!;
        Assert.Equal((1, 1), (back.Updated, back.Kept));
        Assert.Equal(updated.Name, (await team.GetFromJsonAsync<SchoolView>($"/api/monitoring/schools/{updated.Id}", Ct))!.Name);
    }

    /// <summary>The header and the lines of these schools, as the shipped extract has them.</summary>
    private static string[] ExtractLines(params int[] rspoIds)
    {
        using var file = System.IO.File.OpenRead(ExtractFacts.Path);
        using var reader = new StreamReader(new GZipStream(file, CompressionMode.Decompress));
        var header = reader.ReadLine()!;
        var lines = new List<string> { header };
        while (reader.ReadLine() is { } line)
        {
            if (rspoIds.Contains(int.Parse(line[..line.IndexOf(',')])))
            {
                lines.Add(line);
            }
        }
        return [.. lines];
    }

    private static MemoryStream Compressed(IEnumerable<string> lines)
    {
        var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new StreamWriter(gzip))
        {
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public async Task The_team_adds_a_school_and_confirms_its_list_and_a_later_change_shows_against_the_confirmation()
    {
        var person = Guid.CreateVersion7();
        var team = Team(Gromadka, person, "Jan Wiśniewski");
        var before = (await ListAsync(team, Gromadka))!;
        Assert.Null(before.Confirmation);

        var confirmation = await team.PostAsync($"/api/monitoring/jst/{Gromadka}/schools/confirmation", null, Ct);
        var confirmed = (await confirmation.Content.ReadFromJsonAsync<ConfirmSchoolList.Confirmation>(Ct))!;
        Assert.Equal((HttpStatusCode.OK, before.Active, person, "Jan Wiśniewski"),
            (confirmation.StatusCode, confirmed.ActiveSchools, confirmed.ConfirmedBy, confirmed.ConfirmedByName));
        var listed = (await ListAsync(Advisor(Gromadka), Gromadka))!;
        Assert.Equal((confirmed.Id, false), (listed.Confirmation?.Id, listed.ChangedSinceConfirmation));

        service.Clock.Advance(TimeSpan.FromSeconds(1));
        var form = new SchoolForm("Przedszkole Samorządowe w Nowogrodźcu-Gromadce", "Przedszkole", null, " 7 ", "", "Gromadka", true);
        var response = await team.PostAsJsonAsync($"/api/monitoring/jst/{Gromadka}/schools", form, Ct);
        var added = await ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/monitoring/schools/{added.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((null, "team", "7", null, Gromadka), (added.RspoId, added.Source, added.HouseNumber, added.Postcode, added.JstTerc));
        var after = (await ListAsync(team, Gromadka))!;
        Assert.Equal((before.Active + 1, true), (after.Active, after.ChangedSinceConfirmation));
        Assert.Contains(after.Schools, s => s.Id == added.Id);

        // The same school again is refused, and nothing is written.
        var rows = await RowsAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await team.PostAsJsonAsync($"/api/monitoring/jst/{Gromadka}/schools",
            form with { Name = form.Name.ToUpperInvariant() }, Ct)).StatusCode);
        Assert.Equal(rows, await RowsAsync());

        var history = (await team.GetFromJsonAsync<SchoolHistory.History>($"/api/monitoring/jst/{Gromadka}/schools/history", Ct))!;
        var addition = history.Changes.Single();
        Assert.Equal(("added", null, form.Name, person), (addition.Change, addition.Before, addition.After.Name, addition.ChangedBy));
        Assert.Equal([confirmed.Id], history.Confirmations.Select(c => c.Id));
    }

    [Fact]
    public async Task Only_the_JSTs_team_its_advisor_and_ORE_see_its_schools_and_everyone_else_gets_404_or_403()
    {
        var powiat = (await ListAsync(service.Operator(), PowiatBoleslawiecki))!;
        var school = powiat.Schools[0];
        var otherTeam = Team(Boleslawiec);
        async Task<HttpStatusCode> Status(HttpClient client, string path) => (await client.GetAsync(path, Ct)).StatusCode;

        Assert.Equal(powiat.Schools.Count, (await ListAsync(Team(PowiatBoleslawiecki), PowiatBoleslawiecki))!.Schools.Count);
        Assert.Equal(powiat.Schools.Count, (await ListAsync(Advisor(Gromadka, PowiatBoleslawiecki), PowiatBoleslawiecki))!.Schools.Count);
        Assert.Equal(HttpStatusCode.OK, await Status(Advisor(PowiatBoleslawiecki), $"/api/monitoring/schools/{school.Id}"));

        foreach (var path in new[]
        {
            $"/api/monitoring/jst/{PowiatBoleslawiecki}/schools", $"/api/monitoring/jst/{PowiatBoleslawiecki}/schools/history",
            $"/api/monitoring/schools/{school.Id}",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, await Status(otherTeam, path));
            Assert.Equal(HttpStatusCode.NotFound, await Status(Advisor(Gromadka), path));
            Assert.Equal(HttpStatusCode.Forbidden, await Status(service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["trainer"])), path));
            Assert.Equal(HttpStatusCode.Forbidden, await Status(service.Partner(), path));
            Assert.Equal(HttpStatusCode.Unauthorized, await Status(service.Client, path));
        }
        // A code that is no JST of the registry is no register either, even for ORE.
        Assert.Equal(HttpStatusCode.NotFound, await Status(service.Operator(), "/api/monitoring/jst/0201099/schools"));

        // Writes: another JST's team is told the school does not exist, and nothing changes.
        var rows = await RowsAsync();
        var form = new SchoolForm("Cudza szkoła", null, null, null, null, "Bolesławiec", null);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeam.PutAsJsonAsync($"/api/monitoring/schools/{school.Id}", form, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeam.PostAsJsonAsync($"/api/monitoring/schools/{school.Id}/closure",
            new SchoolStatusChange("Nie nasza"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeam.PostAsJsonAsync($"/api/monitoring/jst/{PowiatBoleslawiecki}/schools", form, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTeam.PostAsync($"/api/monitoring/jst/{PowiatBoleslawiecki}/schools/confirmation", null, Ct)).StatusCode);
        // The advisor and ORE read; changing and confirming the list is the team's.
        Assert.Equal(HttpStatusCode.Forbidden, (await Advisor(PowiatBoleslawiecki).PutAsJsonAsync($"/api/monitoring/schools/{school.Id}", form, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Operator().PostAsync($"/api/monitoring/jst/{PowiatBoleslawiecki}/schools/confirmation", null, Ct)).StatusCode);
        Assert.Equal(rows, await RowsAsync());
        Assert.Equal(school, await service.Operator().GetFromJsonAsync<SchoolView>($"/api/monitoring/schools/{school.Id}", Ct));

        // Below the code's checks, the database itself shows a session only its JST's rows of the register's three tables.
        await using var session = await DataSession.OpenAsync(DataSource, JstScope.Of([PowiatBoleslawiecki]), Ct);
        foreach (var table in new[] { "schools", "school_changes", "school_list_confirmations" })
        {
            Assert.Empty(await session.QueryAsync<string>($"SELECT DISTINCT jst_terc FROM {table} WHERE jst_terc <> @PowiatBoleslawiecki",
                new { PowiatBoleslawiecki }));
            Assert.Equal(1, await session.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM pg_policies WHERE tablename = @table AND policyname = 'jst_isolation'", new { table }));
        }
        Assert.Equal(powiat.Schools.Count, await session.ExecuteScalarAsync<int>("SELECT count(*) FROM schools"));
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field_and_writes_nothing()
    {
        var team = Team(Luban);
        var school = (await ListAsync(team, Luban))!.Schools[0];
        var rows = await RowsAsync();

        async Task<string[]> FieldsAsync(Task<HttpResponseMessage> call)
        {
            var response = await call;
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order()];
        }
        var bad = new SchoolForm(" ", new string('x', 101), null, null, "59700", "", null, new string('r', 1001));

        Assert.Equal(["kind", "name", "postcode", "reason", "town"],
            await FieldsAsync(team.PostAsJsonAsync($"/api/monitoring/jst/{Luban}/schools", bad, Ct)));
        Assert.Equal(["name", "postcode"], await FieldsAsync(team.PutAsJsonAsync($"/api/monitoring/schools/{school.Id}",
            new SchoolForm("", null, null, null, "5-9700", school.Town, null), Ct)));
        Assert.Equal(["reason"], await FieldsAsync(team.PostAsJsonAsync($"/api/monitoring/schools/{school.Id}/closure", new SchoolStatusChange("  "), Ct)));
        Assert.Equal(["status"], await FieldsAsync(team.GetAsync($"/api/monitoring/jst/{Luban}/schools?status=open", Ct)));
        // A school reopened while active, or corrected while closed, is a conflict; nothing is written either.
        Assert.Equal(HttpStatusCode.Conflict, (await team.PostAsJsonAsync($"/api/monitoring/schools/{school.Id}/reopening",
            new SchoolStatusChange("Działa"), Ct)).StatusCode);
        Assert.Equal(rows, await RowsAsync());
        Assert.Equal(school, await team.GetFromJsonAsync<SchoolView>($"/api/monitoring/schools/{school.Id}", Ct));

        using var english = new HttpRequestMessage(HttpMethod.Post, $"/api/monitoring/schools/{school.Id}/closure")
        {
            Content = JsonContent.Create(new SchoolStatusChange("")),
        };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var message = (await (await team.SendAsync(english, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("reason")[0];
        Assert.Equal("Give the reason (up to 1000 characters).", message.GetString());
    }

    [Fact]
    public async Task An_erased_persons_name_leaves_the_history_and_the_change_stays()
    {
        var person = Guid.CreateVersion7();
        var team = Team(PowiatKrakowski, person, "Zofia Erased");
        await team.PostAsync($"/api/monitoring/jst/{PowiatKrakowski}/schools/confirmation", null, Ct);

        await service.PublishTwiceAsync(new PersonErased { UserId = person, ErasedAt = DateTimeOffset.UtcNow });

        var history = await Eventually.GetAsync(() => service.Operator().GetFromJsonAsync<SchoolHistory.History>(
            $"/api/monitoring/jst/{PowiatKrakowski}/schools/history", Ct), h => h!.Confirmations.All(c => c.ConfirmedByName != "Zofia Erased"),
            what: "the name erased");
        Assert.Equal((person, "Osoba usunięta"), (history!.Confirmations.Single().ConfirmedBy, history.Confirmations.Single().ConfirmedByName));
    }

    [Fact]
    public void Every_field_a_monitoring_validator_checks_has_a_label()
    {
        var unlabelled = typeof(SchoolForm).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IValidator).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => (IEnumerable<IValidationRule>)Activator.CreateInstance(t)!)
            .Select(rule => rule.Member)
            .Where(member => member is not null && !Cro.ServiceDefaults.FieldLabels.Has(member))
            .Select(member => $"{member!.DeclaringType?.Name}.{member.Name}").Distinct().ToList();

        Assert.Empty(unlabelled);
    }

    /// <summary>What the extract says, read here with another CSV reader than the service's.</summary>
    private sealed record ExtractFacts(int Rows, IReadOnlyDictionary<string, List<int>> RspoIdsRunBy, IReadOnlyDictionary<string, int> SkippedByOrganKind)
    {
        public static string Path { get; } = System.IO.Path.Combine(Repository.Root, "services/Monitoring/Data/Seed", RspoExtract.FileName);

        public static ExtractFacts Read()
        {
            using var file = System.IO.File.OpenRead(Path);
            using var parser = new TextFieldParser(new GZipStream(file, CompressionMode.Decompress)) { HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!.ToList();
            var (rspo, organKind, organTerc) = (header.IndexOf("rspo"), header.IndexOf("organ_prowadzacy_kind"), header.IndexOf("organ_prowadzacy_terc"));
            var runBy = new Dictionary<string, List<int>>();
            var skipped = new Dictionary<string, int>();
            var rows = 0;
            while (parser.ReadFields() is { } fields)
            {
                rows++;
                if (fields[organTerc].Length > 0)
                {
                    (runBy.TryGetValue(fields[organTerc], out var ids) ? ids : runBy[fields[organTerc]] = []).Add(int.Parse(fields[rspo]));
                    continue;
                }
                var reason = fields[organKind] switch { "non_jst" => "organ-not-jst", "ministerstwo" => "organ-ministry", _ => "jst-organ-unmatched" };
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
            }
            return new ExtractFacts(rows, runBy, skipped);
        }
    }
}
