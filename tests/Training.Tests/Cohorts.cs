using Cro.Training.Features.Cohorts;
using Cro.Training.Features.Sessions;
using Cro.ServiceDefaults;

namespace Cro.Training.Tests;

/// <summary>Forming cohorts and scheduling their sessions as an operator does.</summary>
public static class Cohorts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<CohortView> CreateAsync(TrainingService service, IReadOnlyList<Guid> applicationIds, params TrainerInput[] trainers)
    {
        var response = await service.Operator().PostAsJsonAsync("/api/training/cohorts",
            new CreateCohort.CreateCohortRequest($"Grupa {Guid.NewGuid().ToString("N")[..6]}", applicationIds, trainers), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CohortView>(Ct))!;
    }

    public static TrainerInput Trainer() => new($"trener-{Guid.NewGuid():N}@ore.example.pl", "Trener Testowy");

    /// <summary>Now on Warsaw's wall clock, to the minute.</summary>
    public static DateTime WarsawNow()
    {
        var now = WarsawTime.InWarsaw(DateTimeOffset.UtcNow).DateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Unspecified);
    }

    public static SessionRequest Session(DateTime startsAt, DateTime endsAt, string module = "M1") =>
        new(module, startsAt, endsAt, "stationary", "Starostwo Powiatowe w Bolesławcu, sala 12", null, 30);

    public static async Task<SessionView> ScheduleAsync(TrainingService service, Guid cohortId, SessionRequest session)
    {
        var response = await service.Operator().PostAsJsonAsync($"/api/training/cohorts/{cohortId}/sessions", session, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SessionView>(Ct))!;
    }
}
