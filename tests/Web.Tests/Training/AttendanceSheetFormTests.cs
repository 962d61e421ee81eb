using Cro.Web.Api;
using Cro.Web.Training.Trainer;

namespace Cro.Web.Tests.Training;

/// <summary>The attendance sheet as one form: its name, each row's fields, and the reason a correction needs.</summary>
public sealed class AttendanceSheetFormTests
{
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly Guid Jan = Guid.NewGuid();

    private static AttendanceSheet Sheet() => new AttendanceSheet { Session = new SessionView { Id = Guid.NewGuid(), CohortId = Guid.NewGuid(), CohortName = "Grupa 1", ModuleCode = "M2", ModuleTitle = "Wykluczenie cyfrowe", StartsAt = new DateTimeOffset(2026, 5, 12, 10, 0, 0, TimeSpan.FromHours(2)), EndsAt = new DateTimeOffset(2026, 5, 12, 14, 0, 0, TimeSpan.FromHours(2)), Form = "stationary", Place = "Sala 1", OnlineUrl = null, Capacity = 20, Hours = 4, Sequence = 0 }, Rows = [
            new AttendanceRow
            {
                ParticipantId = Anna, FullName = "Anna Nowak", JstTerc = "1465011", JstName = "Warszawa", Status = "present", Source = "check-in",
                RecordedAt = new DateTimeOffset(2026, 5, 12, 8, 5, 0, TimeSpan.Zero),
            },
            new AttendanceRow
            {
                ParticipantId = Jan, FullName = "Jan Kowalski", JstTerc = "1465011", JstName = "Warszawa", Status = null, Source = null,
                RecordedAt = null,
            },
        ] };

    [Fact]
    public async Task Each_row_posts_its_participant_and_one_of_three_marks()
    {
        var html = await ComponentHtml.RenderAsync<AttendanceSheetForm>(new() { ["Sheet"] = Sheet(), ["Ended"] = false });

        // The form's name (_handler) is written by the endpoint renderer; TrainerAndParticipantPageTests posts it.
        Assert.Equal("attendance", AttendanceSheetForm.FormName);
        Assert.Contains($"name=\"Attendance.Marks[0].ParticipantId\" value=\"{Anna}\"", html);
        Assert.Contains($"name=\"Attendance.Marks[1].ParticipantId\" value=\"{Jan}\"", html);
        Assert.Equal(3, html.Split("name=\"Attendance.Marks[1].Status\"").Length - 1);
        Assert.Contains($"<input type=\"radio\" id=\"mark-{Anna}-present\" name=\"Attendance.Marks[0].Status\" value=\"present\" checked", html);
        Assert.Contains("<legend class=\"visually-hidden\">Obecność: Jan Kowalski</legend>", html);
        Assert.Contains($"<label for=\"mark-{Jan}-excused\">usprawiedliwiony(-a)</label>", html);
        Assert.Contains("obecny(-a) — kod obecności", html);
        Assert.Contains("(nieobowiązkowe)", html);
    }

    [Fact]
    public async Task After_the_session_a_reason_is_required_and_the_services_message_stands_beside_it()
    {
        var errors = new FormErrors().Add("reason", "Zajęcia się skończyły: podaj powód korekty obecności.");

        var html = await ComponentHtml.RenderAsync<AttendanceSheetForm>(new() { ["Sheet"] = Sheet(), ["Ended"] = true, ["Errors"] = errors });

        Assert.Contains("<label for=\"attendance-reason\">", html);
        Assert.Contains("Powód korekty", html);
        Assert.Contains("name=\"Attendance.Reason\" required", html);
        Assert.Contains("aria-describedby=\"attendance-reason-hint attendance-reason-error\"", html);
        Assert.Contains("Zajęcia się skończyły: podaj powód korekty obecności.", html);
    }
}
