using Cro.Monitoring.Features.EsfParticipants;
using Cro.ServiceDefaults.Security;

namespace Cro.Monitoring.Tests;

/// <summary>
/// A JST's accepted task team in monitoring for the ESF+ tests: the acceptance with its people (recruitment's event),
/// their first attended sessions (training's), their sign-in as team members, and the form they fill in.
/// </summary>
public sealed class EsfTeam(MonitoringService service, string terc)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record Person(Guid MemberId, string FullName, string Email, string Sex);

    public string Terc { get; } = terc;
    public Guid ApplicationId { get; } = Guid.CreateVersion7();
    public Guid RoundId { get; } = Guid.CreateVersion7();
    public List<Person> People { get; } = [];

    public static Person NewPerson(string fullName, string sex) =>
        new(Guid.CreateVersion7(), fullName, $"{Guid.NewGuid():N}@jst.example.pl", sex);

    /// <summary>Accepts the team with <paramref name="people"/> and waits until monitoring knows them.</summary>
    public static async Task<EsfTeam> AcceptAsync(MonitoringService service, string terc, params Person[] people)
    {
        var team = new EsfTeam(service, terc);
        team.People.AddRange(people);
        await service.PublishTwiceAsync(new ApplicationAccepted
        {
            ApplicationId = team.ApplicationId, RoundId = team.RoundId, RoundName = "Nabór testowy", JstTerc = terc, JstName = "JST " + terc,
            JstKind = "gmina wiejska", VoivodeshipTerc = terc[..2], Score = 10, ScoringVersion = 1, PromotedFromReserve = false,
            AcceptedAt = DateTimeOffset.UtcNow.AddDays(-30),
            Team = [.. people.Select((p, i) => new TaskTeamMember
            {
                MemberId = p.MemberId, FullName = p.FullName, Email = p.Email, Position = "specjalista", Sex = p.Sex, IsCoordinator = i == 0,
            })],
        });
        await Eventually.GetAsync(async () => await service.QueryAsync<int>("""
                SELECT count(*)::int FROM esf_people p JOIN recruitment_applications a ON a.id = p.application_id AND a.supported
                WHERE p.application_id = @id
                """, new { id = team.ApplicationId }),
            count => count.Single() == people.Length, what: "the team in monitoring");
        return team;
    }

    /// <summary>The person attended a first session (training's event), and monitoring has it.</summary>
    public async Task AttendAsync(Person person, DateTimeOffset sessionStartsAt)
    {
        await service.PublishTwiceAsync(new SessionAttended
        {
            SessionId = Guid.CreateVersion7(), CohortId = Guid.Empty, ParticipantId = person.MemberId, ApplicationId = ApplicationId, JstTerc = Terc,
            Sex = person.Sex, ModuleCode = "M1", ProgrammeVersion = 1, Hours = 4, SessionStartsAt = sessionStartsAt, RecordedBy = "trainer",
            RecordedAt = sessionStartsAt.AddHours(4),
        });
        await Eventually.GetAsync(() => service.QueryAsync<int>("SELECT count(*)::int FROM training_attendance WHERE participant_id = @id AND attended",
            new { id = person.MemberId }), count => count.Single() > 0, what: "the attendance in monitoring");
    }

    /// <summary>The person signed in as a member of the team (their account's id is not their member id; the address links them).</summary>
    public HttpClient SignedIn(Person person, string? jst = null) =>
        service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), [Roles.JstMember], jst: jst ?? Terc, email: person.Email, name: person.FullName));

    public static HttpClient EsfData(MonitoringService service) =>
        service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), [Roles.EsfData], email: "esf@ore.example.pl", name: "Dane EFS"));

    public static HttpClient Admin(MonitoringService service) =>
        service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), [Roles.Admin], email: "admin@ore.example.pl", name: "Administrator"));

    /// <summary>A complete form; the special-category answers as given.</summary>
    public static ParticipantForm Form(string sex = "woman", int? age = 42, string? pesel = "44051401359", bool noPesel = false,
        string education = "isced-5-8", string labourStatus = "employed-local-government", string disability = "no", string foreignOrigin = "no",
        string thirdCountry = "no", string minority = "refused", string homelessness = "no") =>
        new(sex, age, pesel, noPesel, education, labourStatus, disability, foreignOrigin, thirdCountry, minority, homelessness);

    public static async Task<MyParticipantForm.MyParticipantView> SubmitAsync(HttpClient member, ParticipantForm form)
    {
        var response = await member.PutAsJsonAsync("/api/monitoring/me/esf-participant", form, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MyParticipantForm.MyParticipantView>(Ct))!;
    }
}
