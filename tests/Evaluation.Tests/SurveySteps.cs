using Cro.Evaluation.Features.Surveys;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cro.Evaluation.Tests;

/// <summary>What the survey tests do again and again: the events that issue surveys, the links mailed, the answers.</summary>
public static class SurveySteps
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Cro.ServiceDefaults.Security.LinkTokens Tokens = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["SchoolLinks:Secret"] = EvaluationService.LinkSecret }).Build());

    /// <summary>The token the mail for invitation <paramref name="id"/> carries (notifications derives it so).</summary>
    public static string TokenOf(Guid id) => Tokens.Derive(id);

    public sealed record Person(Guid Id, Guid ApplicationId, string Terc, string FullName, string Email);

    public static async Task<Person> EnrolAsync(this EvaluationService service, Guid? applicationId = null, string terc = "0201011")
    {
        var person = new Person(Guid.CreateVersion7(), applicationId ?? Guid.CreateVersion7(), terc, $"Osoba {Guid.NewGuid():N}"[..14],
            $"osoba-{Guid.NewGuid():N}@gmina.example.pl");
        await service.PublishTwiceAsync(new ParticipantEnrolled
        {
            ParticipantId = person.Id, ApplicationId = person.ApplicationId, RoundId = Guid.CreateVersion7(), JstTerc = terc, JstName = "Bolesławiec",
            FullName = person.FullName, Email = person.Email, Sex = "woman", IsCoordinator = false, EnrolledAt = DateTimeOffset.UtcNow,
        });
        return person;
    }

    /// <summary>A session of the cohort's module with its trainer; waits until the service knows the trainer there.</summary>
    public static async Task ScheduleAsync(this EvaluationService service, Guid cohortId, string module, string trainerEmail, string trainerName)
    {
        await service.PublishTwiceAsync(new SessionScheduled
        {
            SessionId = Guid.CreateVersion7(), CohortId = cohortId, CohortName = $"Grupa {cohortId.ToString()[..4]}", ModuleCode = module,
            ModuleTitle = "Przygotowanie diagnozy stanu cyfryzacji", StartsAt = DateTimeOffset.UtcNow, EndsAt = DateTimeOffset.UtcNow.AddHours(4),
            Form = "online", Hours = 4, Moved = false, Sequence = 0, ScheduledAt = DateTimeOffset.UtcNow,
            Attendees = [new SessionAttendee { FullName = trainerName, Email = trainerEmail, Role = "trainer" }],
        });
        await Eventually.GetAsync(() => service.QueryAsync<Guid>("""
            SELECT ct.trainer_id FROM survey_cohort_trainers ct JOIN survey_trainers t ON t.id = ct.trainer_id
            WHERE ct.cohort_id = @cohortId AND ct.module_code = @module AND t.email = lower(@trainerEmail)
            """, new { cohortId, module, trainerEmail }), rows => rows.Count == 1, what: "the cohort's trainer");
    }

    public static ModuleCompleted Completed(Person person, Guid cohortId, string module) => new()
    {
        ParticipantId = person.Id, ApplicationId = person.ApplicationId, CohortId = cohortId, JstTerc = person.Terc, Sex = "woman", ModuleCode = module,
        ProgrammeVersion = 1, AttendedHours = 8, ModuleHours = 8, PostTestScore = 80, CompletedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>The invitations issued to <paramref name="email"/>, once there are <paramref name="count"/>.</summary>
    public static Task<IReadOnlyList<Guid>> InvitationsOfAsync(this EvaluationService service, string email, int count = 1) =>
        Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT id FROM survey_invitations WHERE email = @email ORDER BY id", new { email }),
            rows => rows.Count == count, what: $"{count} invitation(s) of {email}");

    /// <summary>People enrolled and done with the cohort's module, each with their survey's token.</summary>
    public static async Task<IReadOnlyList<string>> ModuleSurveysAsync(this EvaluationService service, Guid cohortId, string module, int people)
    {
        var tokens = new List<string>();
        for (var i = 0; i < people; i++)
        {
            var person = await service.EnrolAsync();
            await service.PublishTwiceAsync(Completed(person, cohortId, module));
            tokens.Add(TokenOf(Assert.Single(await service.InvitationsOfAsync(person.Email))));
        }
        return tokens;
    }

    /// <summary>A complete and valid answer to the module's survey.</summary>
    public static Dictionary<string, string?> ModuleAnswers(int rating = 4, string pace = "right", string? best = null) => new()
    {
        ["content-useful"] = rating.ToString(System.Globalization.CultureInfo.InvariantCulture), ["trainer-clear"] = "5", ["materials"] = "3",
        ["organisation"] = "4", ["pace"] = pace, ["best"] = best,
    };

    public static Task<HttpResponseMessage> AnswerAsync(this EvaluationService service, string token, Dictionary<string, string?> answers) =>
        service.Anonymous.PostAsJsonAsync($"/api/evaluation/surveys/links/{token}/answers", new { answers }, Ct);

    public static async Task AnsweredAsync(this EvaluationService service, string token, Dictionary<string, string?> answers)
    {
        var response = await service.AnswerAsync(token, answers);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync(Ct));
    }

    public static Task<int> RemindAsync(this EvaluationService service) =>
        service.Factory.Services.GetRequiredService<SurveyReminders>().RunNextAsync(Ct);

    public static async Task<string> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }
}
