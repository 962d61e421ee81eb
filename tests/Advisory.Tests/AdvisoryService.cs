namespace Cro.Advisory.Tests;

/// <summary>
/// The advisory service in-process (see <see cref="ServiceUnderTest{TProgram}"/>), with the steps the tests share:
/// accepted teams arriving from recruitment, advisors registered by ORE, and the clients of each kind of person.
/// </summary>
public sealed class AdvisoryService() : ServiceUnderTest<Program>("advisory")
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public HttpClient Advisor(string email) => ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["advisor"], email: email, name: $"Doradca {email}"));

    public HttpClient Member(string email, string jst) =>
        ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-member"], jst: jst, email: email, name: $"Członek {email}"));

    public HttpClient Trainer() => ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["trainer"], email: $"{Guid.NewGuid():N}@trener.example.pl"));

    /// <summary>A JST's application accepted in recruitment, as the event arrives here; waits until the team is known.</summary>
    public async Task<AcceptedTeam> AcceptTeamAsync(string terc, Guid? roundId = null, string? voivodeship = null)
    {
        var team = new AcceptedTeam(Guid.CreateVersion7(), roundId ?? Guid.CreateVersion7(), terc, $"Gmina {terc}",
            $"koordynator-{terc}-{Guid.NewGuid():N}@jst.example.pl", $"czlonek-{terc}-{Guid.NewGuid():N}@jst.example.pl");
        await PublishTwiceAsync(new ApplicationAccepted
        {
            ApplicationId = team.ApplicationId, RoundId = team.RoundId, RoundName = "Nabór testowy", JstTerc = terc, JstName = team.JstName,
            JstKind = "gmina wiejska", VoivodeshipTerc = voivodeship ?? terc[..2], Score = 50, ScoringVersion = 1, PromotedFromReserve = false,
            AcceptedAt = DateTimeOffset.UtcNow,
            Team =
            [
                new TaskTeamMember { MemberId = Guid.CreateVersion7(), FullName = "Anna Koordynator", Email = team.CoordinatorEmail, Position = "sekretarz",
                    Sex = "woman", IsCoordinator = true },
                new TaskTeamMember { MemberId = Guid.CreateVersion7(), FullName = "Jan Członek", Email = team.MemberEmail, Position = "dyrektor",
                    Sex = "man", IsCoordinator = false },
            ],
        });
        await Eventually.GetAsync(() => QueryAsync<Guid>("SELECT application_id FROM teams WHERE application_id = @Id", new { Id = team.ApplicationId }),
            rows => rows.Count == 1, what: $"team of {terc}");
        return team;
    }

    /// <summary>An advisor registered by ORE, available on weekdays 8:00–16:00 online, booked a day ahead, for a year ahead.</summary>
    public async Task<RegisteredAdvisor> RegisterAdvisorAsync(string[]? voivodeships = null, int maxEngagements = 10)
    {
        var email = $"doradca-{Guid.NewGuid():N}@ore.example.pl";
        var response = await Operator().PostAsJsonAsync("/api/advisory/advisors",
            new { email, fullName = $"Doradca {email[8..14]}", voivodeships = voivodeships ?? [], maxEngagements }, Ct);
        response.EnsureSuccessStatusCode();
        var advisor = (await response.Content.ReadFromJsonAsync<AdvisorDto>(Ct))!;
        var availability = await Advisor(email).PutAsJsonAsync("/api/advisory/advisors/me/availability", new
        {
            rules = Enumerable.Range(1, 5).Select(day => new { weekday = day, startsAt = "08:00", endsAt = "16:00", mode = "online" }),
            bufferBeforeMinutes = 15, bufferAfterMinutes = 15, minNoticeHours = 24, horizonDays = 365, meetingMinutes = 60,
            onlineLink = "https://spotkania.example.pl/doradca", address = (string?)null,
        }, Ct);
        availability.EnsureSuccessStatusCode();
        return new RegisteredAdvisor(advisor.Id, email);
    }

    /// <summary>An engagement of a new team of <paramref name="terc"/> with a new advisor, from today.</summary>
    public async Task<(AcceptedTeam Team, RegisteredAdvisor Advisor, EngagementDto Engagement)> EngagedAsync(string terc, decimal? hours = null)
    {
        var team = await AcceptTeamAsync(terc);
        var advisor = await RegisterAdvisorAsync();
        var response = await Operator().PostAsJsonAsync("/api/advisory/engagements", new
        {
            applicationId = team.ApplicationId, advisorId = advisor.Id, startsOn = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddDays(-1)),
            hoursBudget = hours,
        }, Ct);
        response.EnsureSuccessStatusCode();
        return (team, advisor, (await response.Content.ReadFromJsonAsync<EngagementDto>(Ct))!);
    }

    /// <summary>The next weekday at <paramref name="hour"/>:00 Warsaw time at least <paramref name="daysAhead"/> days from now.</summary>
    public DateTimeOffset NextWeekdayAt(int hour, int daysAhead = 2)
    {
        var day = DateOnly.FromDateTime(Cro.ServiceDefaults.WarsawTime.InWarsaw(Clock.GetUtcNow()).DateTime).AddDays(daysAhead);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        return Cro.ServiceDefaults.WarsawTime.ToInstant(day.ToDateTime(new TimeOnly(hour, 0)));
    }
}

public sealed record AcceptedTeam(Guid ApplicationId, Guid RoundId, string Terc, string JstName, string CoordinatorEmail, string MemberEmail);

public sealed record RegisteredAdvisor(Guid Id, string Email);

public sealed record AdvisorDto(Guid Id, string Email, string FullName, IReadOnlyList<string> Voivodeships, int MaxEngagements, bool Active,
    int OpenEngagements, decimal HoursBooked, decimal HoursHeld);

public sealed record BurnDownDto(decimal Budget, decimal Held, decimal Booked, decimal Left, int WeeksLeft);

public sealed record WarningDto(string Code, string Message);

public sealed record EngagementDto(Guid Id, Guid ApplicationId, Guid RoundId, string JstTerc, string JstName, Guid AdvisorId, string AdvisorName,
    DateOnly StartsOn, DateOnly EndsOn, string Status, DateTimeOffset? EndedAt, string? EndReason, BurnDownDto BurnDown, IReadOnlyList<WarningDto> Warnings);

public sealed record MeetingDto(Guid Id, Guid EngagementId, string JstTerc, Guid AdvisorId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Topic,
    string Stage, string Mode, string? Location, string Status, int Sequence, int? HeldMinutes);

public sealed record SlotDto(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Mode);
