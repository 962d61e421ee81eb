namespace Cro.Training.Tests;

/// <summary>Accepted JST teams as recruitment announces them, and what the training makes of them.</summary>
public static class Teams
{
    // Real TERC codes (Bolesławiec, Gromadka, Osiecznica: gminy wiejskie of powiat bolesławiecki).
    public const string Boleslawiec = "0201022";
    public const string Gromadka = "0201032";
    public const string Osiecznica = "0201042";

    public static TaskTeamMember Member(string sex = "woman", bool coordinator = false) => new()
    {
        MemberId = Guid.CreateVersion7(), FullName = $"Osoba {Guid.NewGuid().ToString("N")[..6]}", Email = $"{Guid.NewGuid():N}@gmina.example.pl",
        Position = "specjalista ds. oświaty", Sex = sex, IsCoordinator = coordinator,
    };

    public static ApplicationAccepted Accepted(string jst, int people = 3) => new()
    {
        ApplicationId = Guid.CreateVersion7(), RoundId = Guid.CreateVersion7(), RoundName = "Nabór pilotażowy", JstTerc = jst, JstName = $"Gmina {jst}",
        JstKind = "rural-municipality", VoivodeshipTerc = jst[..2], Score = 20, ScoringVersion = 1, PromotedFromReserve = false,
        AcceptedAt = DateTimeOffset.UtcNow, Team = [.. Enumerable.Range(0, people).Select(i => Member(i % 3 == 1 ? "man" : "woman", coordinator: i == 0))],
    };

    /// <summary>Publishes the acceptance (twice, as a redelivery would) and waits until its people are enrolled.</summary>
    public static async Task<ApplicationAccepted> AcceptAsync(TrainingService service, string jst, int people = 3)
    {
        var accepted = Accepted(jst, people);
        await service.PublishTwiceAsync(accepted);
        await EnrolledAsync(service, accepted.ApplicationId, people);
        return accepted;
    }

    public static Task<int> EnrolledAsync(TrainingService service, Guid applicationId, int people) =>
        Eventually.GetAsync(async () => (await service.QueryAsync<int>(
                "SELECT count(*)::int FROM participants WHERE application_id = @applicationId", new { applicationId }))[0],
            count => count >= people, what: $"{people} participants of {applicationId} enrolled");
}
