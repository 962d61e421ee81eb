using Cro.Web.Api;
using Cro.Web.Training;
using Cro.Web.Training.Operator;

namespace Cro.Web.Tests.Training;

/// <summary>What the pages send and where the API's field errors lead: lessons' headings, sessions, the programme, trainers.</summary>
public sealed class FormMappingTests
{
    [Fact]
    public void A_lessons_headings_move_one_level_down_under_the_pages_own_title()
    {
        var html = LessonHtml.ForPage("<h1 id=\"a\">Wstęp</h1><p>h1 tekst</p><H2>Część</H2><h6>Drobne</h6><hr/>");

        Assert.Equal("<h2 id=\"a\">Wstęp</h2><p>h1 tekst</p><h3>Część</h3><h6>Drobne</h6><hr/>", html);
    }

    [Fact]
    public async Task A_session_travels_as_Warsaw_wall_clock_time_and_wrong_fields_are_named_as_the_API_names_them()
    {
        var errors = new FormErrors();
        var request = new SessionInput
        {
            ModuleCode = "M3", StartsAt = "2026-10-25T02:30", EndsAt = "2026-10-25T05:00", Form = "online", OnlineUrl = " https://meet.example/x ",
            Capacity = "25", Hours = "2,5",
        }.ToRequest(errors);

        Assert.False(errors.Any);
        Assert.Equal(new DateTime(2026, 10, 25, 2, 30, 0), request!.StartsAt.DateTime);
        Assert.Equal(2.5, request.Hours);
        Assert.Equal("https://meet.example/x", request.OnlineUrl);
        // The training client sends the clock reading as typed, without an offset: the service places it in Warsaw.
        var service = new FakeService();
        using var http = new HttpClient(service) { BaseAddress = new Uri("http://training") };
        await new TrainingClient(http).CallAsync(c => c.ScheduleSessionAsync(Guid.Empty, request, TestContext.Current.CancellationToken));
        Assert.Contains("\"startsAt\":\"2026-10-25T02:30:00\"", Assert.Single(service.Requests).Body);

        var wrong = new FormErrors();
        Assert.Null(new SessionInput { StartsAt = "jutro", EndsAt = "2026-05-12T12:00", Capacity = "dużo", Hours = "x" }.ToRequest(wrong));
        Assert.Equal(["moduleCode", "startsAt", "capacity", "hours"], wrong.Fields.Select(f => f.Key));
        Assert.Equal("schedule-startsAt", SessionFields.FieldId("schedule", "startsAt"));
    }

    [Fact]
    public void The_programme_form_is_the_whole_programme_and_its_errors_lead_to_their_fields()
    {
        var programme = new ProgrammeView { Version = 3, PostTestThreshold = 60, AttendanceThreshold = 80, ChangeNote = null, CreatedAt = DateTimeOffset.UtcNow, Modules = [
            new ModuleView
            {
                Code = "M1", Title = "Diagnoza", Description = "Opis", Hours = 16, Form = "blended", ValidationMethod = "Pre-test i post-test",
                Outcomes = [new OutcomeDefinition { Code = "M1.W1", Category = "knowledge", Description = "Zna obszary diagnozy." }],
            },
        ] };
        var input = ProgrammeInput.From(programme);
        input.PostTestThreshold = "62,5";
        input.Modules![0].Outcomes![0].Description = "Zna obszary i metody diagnozy.";

        var change = input.ToChange(new FormErrors())!;

        Assert.Equal(3, change.BasedOnVersion);
        Assert.Equal(62.5, change.Programme.PostTestThreshold);
        Assert.Equal("M1.W1", change.Programme.Modules[0].Outcomes[0].Code);
        Assert.Equal("Zna obszary i metody diagnozy.", change.Programme.Modules[0].Outcomes[0].Description);
        Assert.Equal("module-0-outcome-0-description", ProgrammeInput.FieldId("programme.modules[0].outcomes[0].description"));
        Assert.Equal("module-1-hours", ProgrammeInput.FieldId("programme.modules[1].hours"));
        Assert.Equal("programme-postTestThreshold", ProgrammeInput.FieldId("programme.postTestThreshold"));
    }

    [Fact]
    public void Blank_trainer_rows_are_not_sent_and_the_APIs_index_is_mapped_back_to_the_row_shown()
    {
        List<TrainerRows.TrainerRow> rows =
        [
            new() { Email = "", FullName = " " },
            new() { Email = "anna@example.pl", FullName = "Anna Trenerka" },
            new() { Email = "zly-adres", FullName = "Jan" },
        ];

        Assert.Equal([("anna@example.pl", "Anna Trenerka"), ("zly-adres", "Jan")], TrainerRows.Read(rows).Select(t => (t.Email, t.FullName)));
        Assert.Equal("cohort-trainer-2-email", TrainerRows.FieldId("cohort", "trainers[1].email", rows));
        Assert.Equal("cohort-trainers", TrainerRows.FieldId("cohort", "trainers", rows));
    }
}
