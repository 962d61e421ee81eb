using System.Text.Json;
using Cro.Web.Account;

namespace Cro.Web.Tests.Account;

/// <summary>
/// "Moje dane" (/moje-konto/moje-dane.json): one file with every service's part of what the platform holds about the person,
/// and no file at all when a service does not answer (a silently incomplete file would mislead the person).
/// </summary>
public sealed class PersonalDataDownloadTests : IDisposable
{
    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Guid PersonId = Guid.Parse("0192f3a4-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset At = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Every service's answer, each with one recognisable row.</summary>
    private void EveryServiceAnswers()
    {
        _web.Identity.Json(HttpMethod.Get, "/api/identity/me/personal-data", new
        {
            account = new
            {
                id = PersonId, fullName = "Anna Testowa", email = "anna@example.pl", phoneNumber = (string?)null, jstTerc = "0201011",
                roles = new[] { "jst-member" }, twoFactorEnabled = false, createdAt = At,
            },
            consents = Array.Empty<object>(), erasureRequests = Array.Empty<object>(), securityLog = Array.Empty<object>(),
        });
        _web.Notifications.Json(HttpMethod.Get, "/api/notifications/me/personal-data", new
        {
            personId = PersonId, erasedAt = (DateTimeOffset?)null, advisoryMeetings = Array.Empty<object>(), advisoryReminders = Array.Empty<object>(),
            mails = new[] { new { id = Guid.NewGuid(), kind = "survey", recipient = "anna@example.pl", subject = "Ankieta", status = "sent", createdAt = At, sentAt = (DateTimeOffset?)At } },
        });
        _web.Recruitment.Json(HttpMethod.Get, "/api/recruitment/me/personal-data", new[]
        {
            new
            {
                applicationId = Guid.NewGuid(), roundName = "Nabór 2026", jstTerc = "0201011", jstName = "Bolesławiec", applicationStatus = "accepted",
                fullName = "Anna Testowa", email = "anna@example.pl", position = "sekretarz", phone = (string?)null, sex = "woman", isCoordinator = true,
                joinedAt = At, leftAt = (DateTimeOffset?)null,
            },
        });
        _web.Publishing.Json(HttpMethod.Get, "/api/publishing/me/personal-data", new
        {
            personId = PersonId, practices = Array.Empty<object>(), reviews = Array.Empty<object>(),
            proposals = new[] { new { proposalId = Guid.NewGuid(), jstTerc = "0201011", title = "Cyfrowa szkoła", proposedByName = "Anna Testowa", proposedAt = At } },
        });
        _web.Monitoring.Json(HttpMethod.Get, "/api/monitoring/me/personal-data", new
        {
            esfParticipant = new[]
            {
                new
                {
                    jstTerc = "0201011", jstName = (string?)"Bolesławiec", fullName = "Anna Testowa", email = "anna@example.pl", sex = (string?)"woman",
                    ageAtStart = (int?)40, pesel = (string?)null, noPesel = (bool?)true, education = (string?)null, labourStatus = (string?)null,
                    specialCategoriesGivenAt = (DateTimeOffset?)null, submittedAt = (DateTimeOffset?)null, supportStart = (DateOnly?)null,
                    supportEnd = (DateOnly?)null, supportForm = "training",
                },
            },
        });
        _web.Training.Json(HttpMethod.Get, "/api/training/me/personal-data", new
        {
            personId = PersonId, trainerAssignments = Array.Empty<object>(), calendarFeedSince = (DateTimeOffset?)null,
            participations = new[]
            {
                new
                {
                    participantId = Guid.NewGuid(), jstTerc = "0201011", jstName = "Bolesławiec", roundName = (string?)"Nabór 2026", cohortName = (string?)"Grupa szkoleniowa 7",
                    fullName = "Anna Testowa", email = "anna@example.pl", position = "sekretarz", sex = "woman", isCoordinator = true, enrolledAt = At,
                    leftAt = (DateTimeOffset?)null, sessionsPresent = 3, sessionsAbsent = 1, sessionsExcused = 0, completedModules = new[] { "M1" },
                },
            },
            certificates = new[] { new { number = "CRO/2026/000123", holderName = "Anna Testowa", jstName = "Bolesławiec", issuedAt = At, showName = false, revokedAt = (DateTimeOffset?)null } },
        });
        _web.Advisory.Json(HttpMethod.Get, "/api/advisory/me/personal-data", new
        {
            personId = PersonId, dialogueRegistrations = Array.Empty<object>(), advisor = (object?)null, calendarFeeds = Array.Empty<object>(),
            teams = Array.Empty<object>(),
            meetings = new[] { new { meetingId = Guid.NewGuid(), jstTerc = "0201011", topic = "Plan cyfryzacji szkół", startsAt = At, status = "booked", booked = true, nameRecorded = "Anna Testowa", role = (string?)null } },
        });
        _web.Evaluation.Json(HttpMethod.Get, "/api/evaluation/me/personal-data", new
        {
            personId = PersonId, names = Array.Empty<object>(),
            surveyInvitations = new[]
            {
                new
                {
                    invitationId = Guid.NewGuid(), survey = "Ankieta po module", subject = "moduł M1", fullName = "Anna Testowa", email = "anna@example.pl",
                    issuedAt = At, closesAt = At.AddDays(14), answered = true, remindersSent = 0,
                },
            },
            consultationInvitations = new[]
            {
                new
                {
                    invitationId = Guid.NewGuid(), document = "Koncepcja programu", audience = "jst", workshop = (string?)null, email = "anna@example.pl",
                    invitedAt = At, revokedAt = (DateTimeOffset?)null, lastUsedAt = (DateTimeOffset?)null,
                },
            },
        });
    }

    [Fact]
    public async Task The_file_joins_every_services_part()
    {
        EveryServiceAnswers();

        var response = await _web.Browser("jst-member").GetAsync(PersonalDataDownload.Path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var file = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("anna@example.pl", file.GetProperty("accountsAndAccess").GetProperty("account").GetProperty("email").GetString());
        Assert.Equal("Ankieta", file.GetProperty("emails").GetProperty("mails")[0].GetProperty("subject").GetString());
        Assert.Equal("Nabór 2026", file.GetProperty("taskTeams")[0].GetProperty("roundName").GetString());
        Assert.Equal("Cyfrowa szkoła", file.GetProperty("goodPractices").GetProperty("proposals")[0].GetProperty("title").GetString());
        Assert.Equal("training", file.GetProperty("esfParticipant")[0].GetProperty("supportForm").GetString());
        var training = file.GetProperty("training");
        Assert.Equal("Grupa szkoleniowa 7", training.GetProperty("participations")[0].GetProperty("cohortName").GetString());
        Assert.Equal(3, training.GetProperty("participations")[0].GetProperty("sessionsPresent").GetInt32());
        Assert.Equal("CRO/2026/000123", training.GetProperty("certificates")[0].GetProperty("number").GetString());
        Assert.Equal("Plan cyfryzacji szkół", file.GetProperty("advisory").GetProperty("meetings")[0].GetProperty("topic").GetString());
        var evaluation = file.GetProperty("evaluation");
        Assert.True(evaluation.GetProperty("surveyInvitations")[0].GetProperty("answered").GetBoolean());
        Assert.Equal("Koncepcja programu", evaluation.GetProperty("consultationInvitations")[0].GetProperty("document").GetString());
    }

    [Theory]
    [InlineData("training", "Usługa szkoleń nie odpowiedziała.")]
    [InlineData("advisory", "Usługa doradztwa nie odpowiedziała.")]
    [InlineData("evaluation", "Usługa ewaluacji nie odpowiedziała.")]
    public async Task A_service_that_does_not_answer_fails_the_download_and_says_which(string service, string said)
    {
        EveryServiceAnswers();
        var fake = service switch { "training" => _web.Training, "advisory" => _web.Advisory, _ => _web.Evaluation };
        fake.Problem(HttpMethod.Get, $"/api/{service}/me/personal-data", HttpStatusCode.ServiceUnavailable, new { title = "Niedostępna.", status = 503 });

        var response = await _web.Browser("jst-member").GetAsync(PersonalDataDownload.Path, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(said, await response.Content.ReadAsStringAsync(Ct));
    }
}
