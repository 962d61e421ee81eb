using System.Globalization;
using Cro.Web.Training;
using Cro.Web.Training.Participant;

namespace Cro.Web.Tests.Training;

/// <summary>The participant's progress bars: what the bars measure and what their words say, at the rules' edges.</summary>
public sealed class ModuleProgressTests
{
    private static ModuleStanding Standing(double attended = 0, double? pre = null, double? post = null, int attempts = 0, bool validated = false,
        bool raised = false, bool attendanceMet = false, bool complete = false) =>
        new ModuleStanding
        {
            ModuleCode = "M1", Title = "Przygotowanie diagnozy stanu cyfryzacji edukacji", ModuleHours = 16, AttendedHours = attended,
            AttendancePercent = attended * 100 / 16, AttendanceMet = attendanceMet, PreTestScore = pre, PostTestScore = post,
            PostTestAttempts = attempts, Validated = validated, Raised = raised, Complete = complete,
        };

    [Fact]
    public void Attendance_bar_is_the_share_of_the_modules_hours_and_the_words_count_the_hours_still_needed()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pl-PL");
        var progress = new ModuleProgress(Standing(attended: 12), 80, 60);

        Assert.Equal(75, progress.AttendanceBar);
        Assert.Equal(12.8, progress.RequiredHours, 10);
        Assert.Equal(0.8, progress.MissingHours, 10);
        Assert.Equal("12 z 16 godz. — do wymaganej obecności (80 %, 12,8 godz.) brakuje 0,8 godz.", progress.AttendanceText);
        Assert.Equal("w trakcie", progress.Status);
    }

    [Fact]
    public void Hours_beyond_the_module_fill_the_bar_and_no_more_and_met_attendance_needs_nothing()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pl-PL");
        var progress = new ModuleProgress(Standing(attended: 18, attendanceMet: true), 80, 60);

        Assert.Equal(100, progress.AttendanceBar);
        Assert.Equal(0, progress.MissingHours);
        Assert.Contains("osiągnięta", progress.AttendanceText);
    }

    [Fact]
    public void Post_test_words_follow_the_attempts_left_and_the_threshold()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pl-PL");

        Assert.Equal("nie rozwiązano (próg zaliczenia 60 %)", new ModuleProgress(Standing(), 80, 60).PostTestText);
        Assert.Equal("niezaliczony: 59,99 % (próg 60 %); zostało podejść: 1",
            new ModuleProgress(Standing(post: 59.99, attempts: 1), 80, 60).PostTestText);
        Assert.Equal("niezaliczony: 40 % (próg 60 %); nie ma już podejść", new ModuleProgress(Standing(post: 40, attempts: 2), 80, 60).PostTestText);
        var passed = new ModuleProgress(Standing(pre: 60, post: 60, attempts: 1, validated: true), 80, 60);
        Assert.Equal("zaliczony: 60 % (próg 60 %)", passed.PostTestText);
        Assert.Equal(60, passed.PostTestBar);
        // Equal scores are no gain: the page says so rather than staying silent.
        Assert.Contains("nie jest wyższy", passed.RaisedText);
        Assert.Null(new ModuleProgress(Standing(post: 40, attempts: 1), 80, 60).RaisedText);
    }

    [Fact]
    public async Task The_card_draws_labelled_bars_with_their_words_and_a_start_form_for_the_open_test_only()
    {
        var progress = new ModuleProgress(Standing(attended: 8, pre: 40), 80, 60);
        var sessions = new[]
        {
            new SessionView
            {
                Id = Guid.NewGuid(), CohortId = Guid.NewGuid(), CohortName = "Grupa 1", ModuleCode = "M1", ModuleTitle = "Diagnoza",
                StartsAt = DateTimeOffset.UtcNow.AddDays(-3), EndsAt = DateTimeOffset.UtcNow.AddDays(-3).AddHours(4), Form = "stationary",
                Place = "Sala 1", OnlineUrl = null, Capacity = 20, Hours = 4, Sequence = 0,
            },
        };
        var now = DateTimeOffset.UtcNow;

        var html = await ComponentHtml.RenderAsync<ModuleProgressCard>(new()
        {
            ["Progress"] = progress,
            ["Pre"] = TestAvailability.Pre(progress.Standing, sessions, now),
            ["Post"] = TestAvailability.Post(progress.Standing, sessions, now),
        });

        Assert.Contains("<label for=\"module-M1-attendance\">Obecność</label>", html);
        Assert.Contains("<progress id=\"module-M1-attendance\" max=\"100\" value=\"50\" aria-describedby=\"module-M1-attendance-text\">", html);
        Assert.Contains("8 z 16 godz.", html);
        Assert.Contains("<strong>Pre-test:</strong> Rozwiązany: 40 %.", html);
        // Only the open test has a start form (its name, start-M1-post, is written by the endpoint renderer).
        Assert.Equal(1, html.Split("<form method=\"post\"").Length - 1);
        Assert.Contains("Rozpocznij post-test", html);
        Assert.DoesNotContain("Rozpocznij pre-test", html);
        Assert.Equal("start-M1-post", ModuleProgressCard.StartFormName("M1", "post"));
        Assert.Contains("href=\"/moje-szkolenie/materialy/M1\"", html);
    }

    [Fact]
    public void The_pre_test_closes_at_the_modules_first_session_and_the_post_test_opens_after_its_last()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("pl-PL");
        var start = new DateTimeOffset(2026, 5, 12, 8, 0, 0, TimeSpan.Zero);
        SessionView Session(int day) => new SessionView
        {
            Id = Guid.NewGuid(), CohortId = Guid.NewGuid(), CohortName = "Grupa 1", ModuleCode = "M1", ModuleTitle = "Diagnoza",
            StartsAt = start.AddDays(day), EndsAt = start.AddDays(day).AddHours(4), Form = "online", Place = null,
            OnlineUrl = new Uri("https://meet.example/1"), Capacity = 20, Hours = 4, Sequence = 0,
        };
        var sessions = new[] { Session(0), Session(7) };
        var standing = Standing();

        Assert.True(TestAvailability.Pre(standing, sessions, start.AddMinutes(-1)).CanStart);
        Assert.False(TestAvailability.Pre(standing, sessions, start).CanStart);
        Assert.False(TestAvailability.Post(standing, sessions, start.AddDays(7).AddHours(3)).CanStart);
        Assert.True(TestAvailability.Post(standing, sessions, start.AddDays(7).AddHours(4)).CanStart);
        Assert.False(TestAvailability.Post(Standing(post: 30, attempts: 2), sessions, start.AddDays(30)).CanStart);
        Assert.Contains("jeszcze nie zaplanowano", TestAvailability.Post(standing, [], start).Note);
    }
}
