using static Cro.Evaluation.Tests.SurveySteps;

namespace Cro.Evaluation.Tests;

/// <summary>
/// Surveys go out by themselves: after a module's completion to the participant, at the end of advisory to the JST's team
/// still in it, after a conference to the participant checked in — each once, however often the event comes, with the mail
/// through the outbox (no token in it).
/// </summary>
public sealed class SurveyIssuingTests(EvaluationService service) : IClassFixture<EvaluationService>
{
    private async Task<IReadOnlyList<System.Text.Json.JsonElement>> MailsToAsync(string email, int count) =>
        await Eventually.GetAsync(() => service.EventsAsync(nameof(SurveyInvitationMailRequested), e => e.GetProperty("email").GetString() == email),
            rows => rows.Count >= count, what: $"mail to {email}");

    [Fact]
    public async Task A_participant_who_completed_a_module_is_asked_once_about_it_even_when_the_event_comes_again()
    {
        var cohortId = Guid.CreateVersion7();
        await service.ScheduleAsync(cohortId, "M1", "trenerka@ore.example.pl", "Ewa Trenerska");
        var person = await service.EnrolAsync();

        await service.PublishTwiceAsync(Completed(person, cohortId, "M1"));
        await service.PublishTwiceAsync(Completed(person, cohortId, "M1"));

        var id = Assert.Single(await service.InvitationsOfAsync(person.Email));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Single(await service.QueryAsync<Guid>("SELECT id FROM survey_invitations WHERE email = @Email", person));
        var mail = Assert.Single(await MailsToAsync(person.Email, 1));
        Assert.Equal(id, mail.GetProperty("invitationId").GetGuid());
        Assert.Equal("issued", mail.GetProperty("kind").GetString());
        Assert.Equal("Ankieta po module szkolenia", mail.GetProperty("surveyTitle").GetString());
        Assert.Equal("moduł M1: Przygotowanie diagnozy stanu cyfryzacji", mail.GetProperty("subject").GetString());
        Assert.Equal("https://cro.test/ankiety/", mail.GetProperty("formUrl").GetString());
        Assert.DoesNotContain(TokenOf(id), mail.GetRawText(), StringComparison.Ordinal);
        var form = await service.Anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/evaluation/surveys/links/{TokenOf(id)}", Ct);
        Assert.Equal("Ankieta po module szkolenia", form.GetProperty("title").GetString());
        Assert.Equal(7, form.GetProperty("questions").GetArrayLength());
    }

    [Fact]
    public async Task At_the_end_of_advisory_everyone_still_in_the_team_is_asked_once()
    {
        var applicationId = Guid.CreateVersion7();
        var stays = await service.EnrolAsync(applicationId);
        var leaves = await service.EnrolAsync(applicationId);
        var joined = new TaskTeamMember
        {
            MemberId = Guid.CreateVersion7(), FullName = "Jan Nowy", Email = $"nowy-{Guid.NewGuid():N}@gmina.example.pl", Position = "sekretarz",
            Sex = "man", IsCoordinator = false,
        };
        await service.PublishTwiceAsync(new TeamMemberJoined
        {
            ApplicationId = applicationId, RoundId = Guid.CreateVersion7(), JstTerc = "0201011", JstName = "Bolesławiec", Member = joined, JoinedAt = DateTimeOffset.UtcNow,
        });
        await service.PublishTwiceAsync(new TeamMemberLeft
        {
            ApplicationId = applicationId, RoundId = Guid.CreateVersion7(), JstTerc = "0201011", MemberId = leaves.Id, Email = leaves.Email, LeftAt = DateTimeOffset.UtcNow,
        });
        await Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT member_id FROM survey_team_people WHERE application_id = @applicationId AND left_at IS NULL",
            new { applicationId }), rows => rows.Count == 2, what: "the team as it stands");
        var advisorId = Guid.CreateVersion7();
        var ended = new EngagementEnded
        {
            EngagementId = Guid.CreateVersion7(), ApplicationId = applicationId, RoundId = Guid.CreateVersion7(), JstTerc = "0201011", AdvisorId = advisorId,
            AdvisorEmail = "doradca@ore.example.pl", How = "term", HoursHeld = 40, EndedAt = DateTimeOffset.UtcNow,
        };

        await service.PublishTwiceAsync(ended);
        await service.PublishTwiceAsync(ended);

        await service.InvitationsOfAsync(stays.Email);
        await service.InvitationsOfAsync(joined.Email);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, (await service.QueryAsync<Guid>("SELECT id FROM survey_invitations WHERE advisor_id = @advisorId", new { advisorId })).Count);
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM survey_invitations WHERE email = @Email", leaves));
        Assert.Equal("Ankieta na zakończenie doradztwa", Assert.Single(await MailsToAsync(stays.Email, 1)).GetProperty("surveyTitle").GetString());
    }

    [Fact]
    public async Task A_conference_participant_checked_in_on_two_days_is_asked_once()
    {
        var conferenceId = Guid.CreateVersion7();
        var registrationId = Guid.CreateVersion7();
        var email = $"gosc-{Guid.NewGuid():N}@szkola.example.pl";
        var startsAt = DateTimeOffset.UtcNow.AddDays(-1);
        await service.PublishTwiceAsync(new ConferenceRegistrationConfirmed
        {
            RegistrationId = registrationId, ConferenceId = conferenceId, ConferenceTitle = "Cyfrowa szkoła w gminie", StartsAt = startsAt, EndsAt = startsAt.AddDays(2),
            FullName = "Maria Gość", Email = email, FromWaitlist = false, CalendarUid = "x", Sequence = 0, PageUrl = new Uri("https://cro.test/konferencje/"),
            ConfirmedAt = startsAt.AddDays(-10),
        });
        foreach (var day in new[] { 0, 1 })
        {
            await service.PublishTwiceAsync(new ConferenceAttended
            {
                ConferenceId = conferenceId, ConferenceTitle = "Cyfrowa szkoła w gminie", ConferenceStartsAt = startsAt, RegistrationId = registrationId,
                ParticipantKey = "klucz", Day = DateOnly.FromDateTime(startsAt.AddDays(day).UtcDateTime), Sex = "woman", InstitutionKind = "other",
                AttendedAt = startsAt.AddDays(day),
            });
        }

        var id = Assert.Single(await service.InvitationsOfAsync(email));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Single(await service.QueryAsync<Guid>("SELECT id FROM survey_invitations WHERE email = @email", new { email }));
        var mail = Assert.Single(await MailsToAsync(email, 1));
        Assert.Equal("konferencja „Cyfrowa szkoła w gminie”", mail.GetProperty("subject").GetString());
        Assert.Equal(conferenceId, Assert.Single(await service.QueryAsync<Guid>("SELECT conference_id FROM survey_invitations WHERE id = @id", new { id })));
    }

    [Fact]
    public async Task Erasure_takes_the_persons_address_and_name_from_their_invitations_and_drops_mail_not_yet_sent()
    {
        var person = await service.EnrolAsync();
        await service.PublishTwiceAsync(Completed(person, Guid.CreateVersion7(), "M2"));
        var id = Assert.Single(await service.InvitationsOfAsync(person.Email));

        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = person.Email.ToUpperInvariant() });

        await Eventually.GetAsync(() => service.QueryAsync<string>("SELECT email FROM survey_invitations WHERE id = @id", new { id }),
            rows => rows.Single() == $"erased-{id}@invalid", what: "the address erased");
        Assert.Empty(await service.QueryAsync<Guid>("SELECT member_id FROM survey_team_people WHERE lower(email) = lower(@Email)", person));
        Assert.Empty(await service.EventsAsync(nameof(SurveyInvitationMailRequested), e => e.GetProperty("email").GetString() == person.Email));
    }
}
