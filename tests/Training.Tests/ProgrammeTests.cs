using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Programme;

namespace Cro.Training.Tests;

public sealed class ProgrammeTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ProgrammeView> CurrentAsync() => (await service.Anonymous.GetFromJsonAsync<ProgrammeView>("/api/training/programme", Ct))!;

    private static ProgrammeDefinition Editable(ProgrammeView programme) => new(programme.PostTestThreshold, programme.AttendanceThreshold,
        [.. programme.Modules.Select(m => new ModuleDefinition(m.Code, m.Title, m.Description, m.Hours, m.Form, m.ValidationMethod, m.Outcomes))]);

    [Fact]
    public async Task The_first_start_seeds_the_five_modules_of_the_seed_in_Polish_with_outcomes_hours_forms_and_the_default_rules()
    {
        var programme = (await service.Anonymous.GetFromJsonAsync<ProgrammeView>("/api/training/programme/versions/1", Ct))!;

        Assert.Equal((60m, 80m), (programme.PostTestThreshold, programme.AttendanceThreshold));
        Assert.Equal(["M1", "M2", "M3", "M4", "M5"], programme.Modules.Select(m => m.Code));
        Assert.Equal(
        [
            "Przygotowanie diagnozy stanu cyfryzacji edukacji",
            "Wykluczenie cyfrowe dzieci i uczniów",
            "Podniesienie kompetencji cyfrowych kadry JST",
            "Przygotowanie lokalnego planu strategicznego cyfryzacji",
            "Wdrażanie planu w modelu partycypacyjnym",
        ], programme.Modules.Select(m => m.Title));
        // Descriptions come from the seed's topics.
        Assert.Contains("kompetencji cyfrowych nauczycieli i dyrektorów", programme.Modules[0].Description, StringComparison.Ordinal);
        Assert.Contains("ubóstwo czy niepełnosprawności", programme.Modules[1].Description, StringComparison.Ordinal);
        Assert.Contains("debaty oświatowe", programme.Modules[4].Description, StringComparison.Ordinal);
        Assert.All(programme.Modules, module =>
        {
            // Every module has outcomes of each category: knowledge, skills and social competences.
            Assert.Equal(OutcomeCategory.All.Order(), module.Outcomes.Select(o => o.Category).Distinct().Order());
            Assert.True(module.Hours > 0);
            Assert.Contains(module.Form, DeliveryForm.All);
            Assert.Contains("post-test", module.ValidationMethod, StringComparison.Ordinal);
        });
        Assert.Equal(3, programme.Modules.Select(m => m.Form).Distinct().Count());
    }

    [Fact]
    public async Task An_operator_change_is_a_new_version_and_the_old_one_stays_as_it_was()
    {
        var before = await CurrentAsync();
        var edited = Editable(before) with
        {
            PostTestThreshold = 70m,
            Modules = [.. Editable(before).Modules.Select(m => m.Code == "M2" ? m with { Hours = m.Hours + 4 } : m)],
        };

        var response = await service.Operator().PutAsJsonAsync("/api/training/programme",
            new ChangeProgramme.ChangeProgrammeRequest(before.Version, edited, "Więcej godzin na M2."), Ct);
        var saved = await response.Content.ReadFromJsonAsync<ProgrammeView>(Ct);
        var old = await service.Anonymous.GetFromJsonAsync<ProgrammeView>($"/api/training/programme/versions/{before.Version}", Ct);
        var history = await service.Operator().GetFromJsonAsync<List<GetProgramme.VersionSummary>>("/api/training/programme/versions", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((before.Version + 1, 70m, "Więcej godzin na M2."), (saved!.Version, saved.PostTestThreshold, saved.ChangeNote));
        Assert.Equal(before.Modules[1].Hours + 4, saved.Modules[1].Hours);
        Assert.Equal((before.PostTestThreshold, before.Modules[1].Hours), (old!.PostTestThreshold, old.Modules[1].Hours));
        Assert.Equal(saved.Version, (await CurrentAsync()).Version);
        Assert.Equal(saved.Version, history![0].Version);
    }

    [Fact]
    public async Task A_change_based_on_an_older_version_is_refused_and_saves_nothing()
    {
        var current = await CurrentAsync();
        var operatorClient = service.Operator();
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PutAsJsonAsync("/api/training/programme",
            new ChangeProgramme.ChangeProgrammeRequest(current.Version, Editable(current), null), Ct)).StatusCode);

        var stale = await operatorClient.PutAsJsonAsync("/api/training/programme", new ChangeProgramme.ChangeProgrammeRequest(current.Version, Editable(current), null), Ct);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(current.Version + 1, (await CurrentAsync()).Version);
    }

    [Fact]
    public async Task Invalid_programmes_are_400_with_field_errors_and_only_operators_may_change_it()
    {
        var current = await CurrentAsync();
        var invalid = Editable(current) with
        {
            PostTestThreshold = 150m,
            Modules = [.. Editable(current).Modules.Select(m => m.Code == "M1" ? m with { Form = "by-post", Hours = 0 } : m), Editable(current).Modules[0]],
        };

        var response = await service.Operator().PutAsJsonAsync("/api/training/programme", new ChangeProgramme.ChangeProgrammeRequest(current.Version, invalid, null), Ct);
        var trainer = await service.Trainer("t@ore.example.pl").PutAsJsonAsync("/api/training/programme",
            new ChangeProgramme.ChangeProgrammeRequest(current.Version, Editable(current), null), Ct);
        var anonymous = await service.Anonymous.PutAsJsonAsync("/api/training/programme", new ChangeProgramme.ChangeProgrammeRequest(current.Version, Editable(current), null), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("programme.postTestThreshold", body);
        Assert.Contains("programme.modules[0].form", body);
        Assert.Contains("programme.modules[0].hours", body);
        Assert.Contains("Kody modułów nie mogą się powtarzać", body);
        Assert.Equal(HttpStatusCode.Forbidden, trainer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(current.Version, (await CurrentAsync()).Version);
    }

    [Fact]
    public async Task A_cohort_keeps_the_programme_version_it_started_with()
    {
        var running = await Cohorts.CreateAsync(service, [(await Teams.AcceptAsync(service, Teams.Boleslawiec)).ApplicationId]);
        var current = await CurrentAsync();
        var withM6 = Editable(current) with
        {
            Modules =
            [
                .. Editable(current).Modules.Select(m => m.Code == "M1" ? m with { Hours = 40m, Title = "Diagnoza (nowa wersja)" } : m),
                Editable(current).Modules[0] with { Code = "M6", Title = "Moduł dodatkowy" },
            ],
        };
        Assert.Equal(HttpStatusCode.OK, (await service.Operator().PutAsJsonAsync("/api/training/programme",
            new ChangeProgramme.ChangeProgrammeRequest(current.Version, withM6, "Nowy moduł M6."), Ct)).StatusCode);
        var later = await Cohorts.CreateAsync(service, [(await Teams.AcceptAsync(service, Teams.Gromadka)).ApplicationId]);
        var start = Cohorts.WarsawNow().Date.AddDays(3).AddHours(9);

        var runningNow = await service.Operator().GetFromJsonAsync<CohortView>($"/api/training/cohorts/{running.Id}", Ct);
        var runningProgramme = await service.Anonymous.GetFromJsonAsync<ProgrammeView>($"/api/training/programme/versions/{runningNow!.ProgrammeVersion}", Ct);
        var m6ForRunning = await service.Operator().PostAsJsonAsync($"/api/training/cohorts/{running.Id}/sessions",
            Cohorts.Session(start, start.AddHours(4), "M6"), Ct);
        var m1ForRunning = await Cohorts.ScheduleAsync(service, running.Id, Cohorts.Session(start, start.AddHours(4), "M1"));
        var m6ForLater = await Cohorts.ScheduleAsync(service, later.Id, Cohorts.Session(start, start.AddHours(4), "M6"));

        Assert.Equal(current.Version, runningNow.ProgrammeVersion);
        Assert.Equal(current.Version + 1, later.ProgrammeVersion);
        Assert.Equal(current.Modules[0].Hours, runningProgramme!.Modules.Single(m => m.Code == "M1").Hours);
        Assert.DoesNotContain(runningProgramme.Modules, m => m.Code == "M6");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, m6ForRunning.StatusCode);
        Assert.Equal(current.Modules[0].Title, m1ForRunning.ModuleTitle);
        Assert.Equal("Moduł dodatkowy", m6ForLater.ModuleTitle);
    }
}
