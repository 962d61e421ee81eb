using System.Net;
using Cro.Monitoring.Features.Diagnosis;

namespace Cro.Monitoring.Tests;

/// <summary>
/// What the JST picture tests share: JST in the monitoring <c>jst</c> read model (rows inserted as its consumer keeps
/// them), and questionnaires filled and submitted by the team with answers the test chooses over the complete defaults.
/// </summary>
internal static class Pictures
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task AddJstAsync(this MonitoringService service, string terc, string kind) => service.QueryAsync<int>("""
        INSERT INTO jst (terc, name, kind, voivodeship_terc, registered_at) VALUES (@terc, @name, @kind, left(@terc, 2), now())
        ON CONFLICT (terc) DO NOTHING RETURNING 1
        """, new { terc, kind, name = $"Gmina Testowa {terc}" });

    /// <summary>Device rows: type, age, owned (all in use), of them for pupils (null: not answered).</summary>
    public static AnswerValue Devices(params (string Type, string Age, int Owned, int? ForPupils)[] rows) => new(Rows:
    [
        .. rows.Select((r, i) => new AnswerRow($"row-{i + 1}", new Dictionary<string, AnswerValue>
        {
            ["device_type"] = new(Choice: r.Type), ["device_age"] = new(Choice: r.Age),
            ["devices_owned"] = new(Number: r.Owned), ["devices_in_use"] = new(Number: r.Owned),
            ["devices_for_pupils"] = r.ForPupils is { } p ? new(Number: p) : new(),
        }.Where(a => !a.Value.IsEmpty).ToDictionary())),
    ]);

    public static IEnumerable<KeyValuePair<string, AnswerValue?>> Scales(IEnumerable<string> keys, int? value) =>
        keys.Select(k => KeyValuePair.Create(k, (AnswerValue?)(value is { } v ? new AnswerValue(Scale: v) : new AnswerValue(DontKnow: true))));

    /// <summary>Fills the questionnaire completely, <paramref name="with"/> over the defaults, and submits it.</summary>
    public static async Task SubmitFilledAsync(this MonitoringService service, HttpClient team, Guid questionnaireId, bool ofSchool,
        IEnumerable<KeyValuePair<string, AnswerValue?>> with)
    {
        var instrument = await service.InstrumentAsync(1);
        var sections = instrument.Sections.Where(s => (ofSchool ? Respondent.OfSchool : [Respondent.JstTeam]).Contains(s.Respondent)).ToList();
        var path = $"{Diagnoses.Api}/questionnaires/{questionnaireId}";
        var saved = await team.SaveAsync(path, Diagnoses.Complete(sections, with.ToDictionary()));
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        var submitted = await team.SubmitAsync(path);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A JST of <paramref name="kind"/> whose one school, submitted, has <paramref name="pupils"/> pupils and 10 desktops for them.</summary>
    public static async Task<Guid> OneSchoolJstAsync(this MonitoringService service, string terc, string kind, int pupils, string diagnosisKind = "baseline")
    {
        await service.AddJstAsync(terc, kind);
        HttpClient team;
        DiagnosisView diagnosis;
        if (diagnosisKind == "baseline")
        {
            (team, diagnosis) = await service.StartedAsync(terc, schools: 1);
        }
        else
        {
            team = service.Team(terc);
            var started = await team.PostAsJsonAsync($"{Diagnoses.Api}/diagnoses", new { kind = diagnosisKind }, Ct);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            diagnosis = (await started.Content.ReadFromJsonAsync<DiagnosisView>(Ct))!;
        }
        await service.SubmitFilledAsync(team, diagnosis.Schools()[0].Id, ofSchool: true, new Dictionary<string, AnswerValue?>
        {
            ["pupils"] = new(Number: pupils), ["devices"] = Devices(("desktop", "under_2", 10, 10)),
        });
        return diagnosis.Id;
    }
}
