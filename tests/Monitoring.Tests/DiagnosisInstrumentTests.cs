using System.Net;
using System.Text.Json;
using Cro.Monitoring.Features.Diagnosis;
using Npgsql;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The diagnosis instrument as versioned data: the Polish seed as version 1, with sections for each respondent, repeat
/// groups and consistency rules; ORE publishes a new version as a new row set; a diagnosis keeps the version it started
/// with; a version's rows cannot be changed by the service's login.
/// </summary>
public sealed class DiagnosisInstrumentTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Instrument = $"{Diagnoses.Api}/diagnosis-instrument";

    private static InstrumentDefinition Editable(InstrumentView view) => new(view.Title, view.Sections, view.Rules);

    [Fact]
    public async Task The_seeded_instrument_has_sections_for_each_respondent_a_repeat_group_of_devices_and_consistency_rules_in_Polish()
    {
        var instrument = await service.InstrumentAsync(1);

        Assert.Equal(1, instrument.Version);
        Assert.StartsWith("Diagnoza stanu cyfryzacji", instrument.Title, StringComparison.Ordinal);
        Assert.Equal(Respondent.All.Order(), instrument.Sections.Select(s => s.Respondent).Distinct().Order());
        var questions = instrument.Sections.SelectMany(s => s.Questions).ToDictionary(q => q.Key);
        // Devices by type and age: a repeat group whose rows have their own questions.
        var devices = questions["devices"];
        Assert.Equal((QuestionKind.RepeatGroup, "Urządzenia według typu i wieku"), (devices.Kind, devices.Text));
        Assert.Equal(["device_type", "device_age", "devices_owned", "devices_in_use", "devices_for_pupils"], devices.Questions!.Select(q => q.Key));
        Assert.Contains(devices.Questions![1].Options!, o => o.Key == "over_5" && o.Label == "Starsze niż 5 lat");
        Assert.Contains(instrument.Rules, r => (r.Left, r.Comparison, r.Right) == ("devices_in_use", Comparison.AtMost, "devices_owned"));
        Assert.Contains(instrument.Rules, r => (r.Left, r.Comparison, r.Right) == ("classrooms_with_wifi", Comparison.AtMost, "classrooms"));
        // What the seed asks about: counts, network, Wi-Fi, server rooms and fibre, software (free too), backups, IT staff and
        // its management, competences of directors, teachers and pupils, teaching, digital exclusion and the measures against it.
        string[] topics =
        [
            "pupils", "teachers", "bandwidth_download", "classrooms_with_wifi", "server_room", "fibre_to_building", "free_software", "cloud_services",
            "backup_frequency", "it_support_model", "it_management_model", "central_it_staff_fte", "director_digital_leadership",
            "teachers_teaching_learning", "pupils_safety", "lessons_with_ict", "pupils_without_device", "pupils_without_internet", "pupils_in_poverty",
            "pupils_with_disabilities", "pupils_with_other_sen", "exclusion_measures", "jst_inclusion_measures",
        ];
        Assert.Equal(topics.Order(), topics.Where(questions.ContainsKey).Order());
        Assert.Equal(("Mb/s", true), (questions["bandwidth_download"].Unit, questions["bandwidth_download"].DontKnowAllowed));
        Assert.All(questions.Values.Where(q => q.Kind == QuestionKind.Scale), q => Assert.Equal(5, q.ScaleLabels!.Count));
        Assert.Contains(QuestionKind.All.Except([QuestionKind.RepeatGroup]), kind => questions.Values.Any(q => q.Kind == kind));
        Assert.All(instrument.Sections, s => Assert.False(string.IsNullOrWhiteSpace(s.Title)));
        Assert.True(questions.Values.Count(q => q.Help is not null) >= 20);
        // The stored version reads back as the seed file wrote it.
        Assert.Equal(JsonSerializer.Serialize(InstrumentSeed.Definition() with { Title = instrument.Title }), JsonSerializer.Serialize(Editable(instrument)));
    }

    [Fact]
    public async Task A_diagnosis_keeps_its_version_after_ORE_publishes_a_new_one_which_later_diagnoses_follow()
    {
        var (team, first) = await service.StartedAsync("0201011");
        var before = await service.InstrumentAsync();
        var changed = Editable(before) with
        {
            Sections = [.. before.Sections.Select(s => s.Key != "school_basics" ? s : s with
            {
                Questions = [.. s.Questions.Select(q => q.Key == "pupils" ? q with { Max = 5000 } : q),
                    new QuestionDefinition("special_units", QuestionKind.Number, "Liczba oddziałów specjalnych", Required: true, Unit: "oddziałów", Min: 0, Max: 50)],
            })],
        };

        var published = await service.Operator().PutAsJsonAsync(Instrument, new PublishInstrument.PublishRequest(before.Version, changed, "Oddziały specjalne."), Ct);
        var (_, second) = await service.StartedAsync("0201022");
        var firstSchool = await team.QuestionnaireAsync($"{Diagnoses.Api}/questionnaires/{first.Schools()[0].Id}");
        var tooMany = await team.SaveAsync($"{Diagnoses.Api}/questionnaires/{first.Schools()[0].Id}",
            new Dictionary<string, AnswerValue?> { ["pupils"] = new(Number: 7000), ["special_units"] = new(Number: 1) });

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var v2 = (await published.Content.ReadFromJsonAsync<InstrumentView>(Ct))!;
        Assert.Equal((before.Version + 1, "Oddziały specjalne."), (v2.Version, v2.ChangeNote));
        Assert.Equal((before.Version, before.Version + 1), (first.InstrumentVersion, second.InstrumentVersion));
        Assert.Equal(before.Version, firstSchool.InstrumentVersion);
        Assert.DoesNotContain(firstSchool.Sections.SelectMany(s => s.Questions), q => q.Key == "special_units");
        // The first diagnosis answers to version 1: 7000 pupils fit, and version 2's new question is not its.
        Assert.Equal(["special_units"], (await tooMany.ErrorsAsync()).Keys);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(await service.InstrumentAsync(before.Version)));
        Assert.Equal(v2.Version, (await service.InstrumentAsync()).Version);
        Assert.Equal(v2.Version, (await service.Anonymous.GetFromJsonAsync<List<GetInstrument.VersionSummary>>($"{Instrument}/versions", Ct))![0].Version);
    }

    [Fact]
    public async Task A_version_based_on_an_older_one_is_refused_invalid_ones_are_400_and_only_ORE_publishes()
    {
        var current = await service.InstrumentAsync();
        var operatorClient = service.Operator();
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PutAsJsonAsync(Instrument, new PublishInstrument.PublishRequest(current.Version, Editable(current), null), Ct)).StatusCode);
        var contents = await service.ContentsAsync();

        var stale = await operatorClient.PutAsJsonAsync(Instrument, new PublishInstrument.PublishRequest(current.Version, Editable(current), null), Ct);
        var broken = Editable(current) with
        {
            Sections = [current.Sections[0] with { Questions = [current.Sections[0].Questions[0] with { Options = [] }, .. current.Sections[0].Questions.Skip(1)] },
                .. current.Sections.Skip(1)],
            Rules = [.. current.Rules, new RuleDefinition("text_vs_number", "jst_inclusion_barriers", Comparison.AtMost, "pupils")],
        };
        var invalid = await operatorClient.PutAsJsonAsync(Instrument, new PublishInstrument.PublishRequest(current.Version + 1, broken, null), Ct);
        var byTeam = await service.Team("0201033").PutAsJsonAsync(Instrument, new PublishInstrument.PublishRequest(current.Version + 1, Editable(current), null), Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var errors = await invalid.ErrorsAsync();
        Assert.Contains("instrument.sections[0].questions[0].options", errors.Keys);
        Assert.Contains($"instrument.rules[{current.Rules.Count}].left", errors.Keys);
        Assert.Equal(HttpStatusCode.Forbidden, byTeam.StatusCode);
        Assert.Equal(contents, await service.ContentsAsync());
    }

    [Fact]
    public async Task The_services_login_cannot_change_or_remove_a_version_once_written()
    {
        await using var connection = new NpgsqlConnection(service.Factory.Database.AppConnectionString);
        await connection.OpenAsync(Ct);

        foreach (var sql in new[]
                 {
                     "UPDATE instrument_questions SET max_value = 1 WHERE key = 'pupils'",
                     "DELETE FROM instrument_rules",
                     "UPDATE instrument_versions SET title = 'x'",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }
}
