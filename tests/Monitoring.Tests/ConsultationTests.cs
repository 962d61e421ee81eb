using System.Net;
using Cro.Monitoring.Features.Plans;
using Cro.Monitoring.Features.Plans.Consultation;
using Cro.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Cro.Monitoring.Tests.Consultations;
using static Cro.Monitoring.Tests.Plans;
using static Cro.Monitoring.Tests.Responses;

namespace Cro.Monitoring.Tests;

/// <summary>
/// The participatory consultation of a plan's draft: the team opens it for a period and gets a public link; the school
/// community reads the draft and comments without accounts (with consent; within limits per address and invitation);
/// the team answers or hides each comment and closes it (or its last day does), after which links answer 410 and nothing
/// is written; the plan is adopted once every visible comment is answered, and the resolution log is published with it;
/// invitations are mailed through notifications; an erased person's address and the name given through it go; another
/// JST's team sees nothing.
/// </summary>
public sealed class ConsultationTests(MonitoringService service) : IClassFixture<MonitoringService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_community_comments_without_accounts_the_team_answers_hides_and_closes_and_the_adopted_plan_publishes_the_log()
    {
        var (draft, diagnosis) = await service.DraftedPlanAsync("9920011");
        var (team, planId) = (draft.Team, draft.Plan.Id);

        var opened = await team.OpenedAsync(planId, service.Today().AddDays(21));
        var token = opened.PublicLink.Token;

        Assert.Equal((1, ConsultationRow.Open, service.Today(), service.Today().AddDays(21)),
            (opened.Consultation.Version, opened.Consultation.State, opened.Consultation.OpensOn, opened.Consultation.ClosesOn));
        var announced = Assert.Single(await service.EventsAsync(nameof(PlanDraftOpenedForConsultation), e => e.GetProperty("planId").GetGuid() == planId));
        Assert.DoesNotContain(token, announced.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(PlanStatus.Consultation, (await team.GetFromJsonAsync<PlanView>(Plan(planId), Ct))!.Current.Status);
        Assert.Contains("w konsultacjach", await ProblemAsync(await team.SaveAsync(planId, draft.Version.Revision, Content(diagnosis)), HttpStatusCode.Conflict),
            StringComparison.Ordinal);

        // A participant reads the draft through the link, without an account.
        var read = await ReadAsync<PublicConsultation.PublicConsultationView>(await service.Anonymous.GetAsync(PublicConsultation.PathOf(token), Ct),
            HttpStatusCode.OK);
        Assert.Equal(("Sprzęt dla uczniów", "Zakup laptopów", 150_000m, ConsultationLinks.Public),
            (read.Plan.Content.Priorities![0].Title, read.Plan.Content.Actions![0].Title, read.Plan.TotalBudget, read.LinkKind));
        Assert.Equal(diagnosis.SchoolIds.Order(), read.Schools.Select(s => s.Id).Order());
        Assert.Contains("pupil", read.StakeholderTypes);

        // Without consent, or on an item the draft lacks: 400 naming the field, and nothing written.
        var contents = await service.ContentsAsync();
        Assert.Equal(["consent"], (await (await service.CommentAsync(token, Comment(consent: false))).ErrorsAsync()).Keys);
        Assert.Equal(["targetId"], (await (await service.CommentAsync(token, Comment(targetId: Guid.CreateVersion7()))).ErrorsAsync()).Keys);
        Assert.Equal(["text"], (await (await service.CommentAsync(token, Comment(text: new string('x', 4001)))).ErrorsAsync()).Keys);
        Assert.Equal(contents, await service.ContentsAsync());

        var parent = await ReadAsync<PublicConsultation.CommentReceipt>(await service.CommentAsync(token, Comment("parent", "Więcej zajęć o bezpieczeństwie w sieci.",
            name: "Anna Rodzic", schoolId: diagnosis.SchoolIds[0], publishName: true), "198.51.100.1"), HttpStatusCode.Created);
        var teacher = await ReadAsync<PublicConsultation.CommentReceipt>(await service.CommentAsync(token, Comment("teacher", "Laptopy bez szkolenia nie wystarczą.",
            targetId: draft.ActionId, name: "Jan Nauczyciel"), "198.51.100.2"), HttpStatusCode.Created);
        var pupil = await ReadAsync<PublicConsultation.CommentReceipt>(await service.CommentAsync(token, Comment("pupil", "Kupcie konsole!!! www.example.com",
            targetId: draft.PriorityId), "198.51.100.3"), HttpStatusCode.Created);

        var seen = await team.ConsultationAsync(planId);
        Assert.Equal([parent.Id, teacher.Id, pupil.Id], seen.Comments.Select(c => c.Id));
        Assert.Equal((ConsultationTarget.Plan, ConsultationTarget.Action, "Zakup laptopów", ConsultationTarget.Priority, "Sprzęt dla uczniów"),
            (seen.Comments[0].TargetKind, seen.Comments[1].TargetKind, seen.Comments[1].TargetTitle, seen.Comments[2].TargetKind, seen.Comments[2].TargetTitle));
        Assert.Equal(("Anna Rodzic", "Szkoła Podstawowa nr 1 (9920011)"), (seen.Comments[0].AuthorName, seen.Comments[0].SchoolName));
        Assert.Equal((3, 3, 3), (seen.Counts.Participants, seen.Counts.Comments, seen.Counts.Unanswered));
        Assert.Equal(HttpStatusCode.OK, (await service.Advisor("9920011").GetAsync(Consultation(planId), Ct)).StatusCode);

        // The team answers, hides the off-topic one (a hidden comment is not answered), and cannot adopt while it consults.
        Assert.Contains("w konsultacjach", await ProblemAsync(await team.PostAsJsonAsync($"{Plan(planId)}/adopt", new { adoptedOn = service.Today() }, Ct),
            HttpStatusCode.Conflict), StringComparison.Ordinal);
        var answered = await ReadAsync<ConsultationCommentView>(await team.PostAsJsonAsync($"{Consultation(planId)}/comments/{parent.Id}/answer",
            new { answer = "accepted", reason = "Dodano zajęcia w działaniu." }, Ct), HttpStatusCode.OK);
        Assert.Equal(["answer", "reason"], (await (await team.PostAsJsonAsync($"{Consultation(planId)}/comments/{teacher.Id}/answer",
            new { answer = "maybe", reason = "" }, Ct)).ErrorsAsync()).Keys.Order(StringComparer.Ordinal));
        var hidden = await ReadAsync<ConsultationCommentView>(await team.PostAsJsonAsync($"{Consultation(planId)}/comments/{pupil.Id}/hide",
            new { reason = "Reklama, nie dotyczy planu." }, Ct), HttpStatusCode.OK);
        Assert.Contains("ukryta", await ProblemAsync(await team.PostAsJsonAsync($"{Consultation(planId)}/comments/{pupil.Id}/answer",
            new { answer = "rejected", reason = "Nie." }, Ct), HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(("accepted", "Reklama, nie dotyczy planu."), (answered.Answer, hidden.HiddenReason));

        var closed = await ReadAsync<ConsultationView>(await team.PostAsync($"{Consultation(planId)}/close", null, Ct), HttpStatusCode.OK);
        Assert.Equal((ConsultationRow.Closed, CloseConsultation.ByTeam), (closed.State, closed.ClosedHow));
        Assert.Equal(PlanStatus.Revised, (await team.GetFromJsonAsync<PlanView>(Plan(planId), Ct))!.Current.Status);

        // Closed: the link answers 410 naming the closing, and nothing is written.
        contents = await service.ContentsAsync();
        Assert.Contains("zakończyły się", await ProblemAsync(await service.CommentAsync(token, Comment(), "198.51.100.4"), HttpStatusCode.Gone),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await service.Anonymous.GetAsync(PublicConsultation.PathOf(token), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.PostAsync($"{Consultation(planId)}/close", null, Ct)).StatusCode);
        Assert.Equal(contents, await service.ContentsAsync());

        // The version is adopted once every visible comment is answered.
        Assert.Contains("odpowiedzi na uwagi z konsultacji (1)", await ProblemAsync(await team.PostAsJsonAsync($"{Plan(planId)}/adopt",
            new { adoptedOn = service.Today() }, Ct), HttpStatusCode.Conflict), StringComparison.Ordinal);
        await ReadAsync<ConsultationCommentView>(await team.PostAsJsonAsync($"{Consultation(planId)}/comments/{teacher.Id}/answer",
            new { answer = "partly", reason = "Szkolenie dla części nauczycieli w 2027 r." }, Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync($"{Diagnoses.Api}/public/plans/9920011/consultations", Ct)).StatusCode);
        await ReadAsync<PlanView>(await team.PostAsJsonAsync($"{Plan(planId)}/adopt", new { adoptedOn = service.Today(), resolutionNumber = "X/1/2026" }, Ct),
            HttpStatusCode.OK);
        Assert.Contains("opublikowano", await ProblemAsync(await team.PostAsJsonAsync($"{Consultation(planId)}/comments/{teacher.Id}/answer",
            new { answer = "accepted", reason = "Zmiana zdania." }, Ct), HttpStatusCode.Conflict), StringComparison.Ordinal);

        // Anyone reads the resolution log: visible comments with their answers, a name only where its publication was agreed.
        var log = await ReadAsync<ConsultationLog.ConsultationLogView>(await service.Anonymous.GetAsync($"{Diagnoses.Api}/public/plans/9920011/consultations", Ct),
            HttpStatusCode.OK);
        var published = Assert.Single(log.Consultations);
        Assert.Equal((1, (DateOnly?)service.Today()), (published.Version, published.AdoptedOn));
        Assert.Equal([(parent.Id, "accepted", "Anna Rodzic", "Szkoła Podstawowa nr 1 (9920011)"), (teacher.Id, "partly", null, null)],
            published.Comments.Select(c => (c.Id, c.Answer, c.AuthorName, c.SchoolName)));
        Assert.DoesNotContain("Jan Nauczyciel", System.Text.Json.JsonSerializer.Serialize(log), StringComparison.Ordinal);
        Assert.Equal((3, 3, 1, 0), (published.Counts.Participants, published.Counts.Comments, published.Counts.Hidden, published.Counts.Unanswered));
        Assert.Equal([("school-director", 0), ("teacher", 1), ("parent", 1), ("pupil", 1), ("employer", 0), ("ngo", 0), ("other", 0)],
            published.Counts.ByStakeholderType.Select(s => (s.Type, s.Comments)));

        // Monitoring: the plan's consultations for its parties, and ORE's summary across JST.
        var statistics = await service.Advisor("9920011").GetFromJsonAsync<List<ConsultationStatistics.PlanConsultationStatistics>>(
            $"{Plan(planId)}/consultations", Ct);
        var consulted = Assert.Single(statistics!);
        Assert.Equal((ConsultationRow.Closed, 3, 1), (consulted.State, consulted.Counts.Participants, consulted.Counts.Hidden));
        var summary = await service.Operator().GetFromJsonAsync<ConsultationStatistics.ConsultationsSummary>($"{Diagnoses.Api}/consultations/summary", Ct);
        var row = Assert.Single(summary!.ByJst, j => j.JstTerc == "9920011");
        Assert.Equal((1, 3, 3), (row.Consultations, row.Counts.Participants, row.Counts.Comments));
        Assert.Equal(HttpStatusCode.Forbidden, (await team.GetAsync($"{Diagnoses.Api}/consultations/summary", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_consultation_opens_on_a_draft_with_a_priority_and_an_action_for_up_to_60_days_and_takes_comments_only_within_them()
    {
        var (team, _, empty) = await service.StartedPlanAsync("9920022");
        var today = service.Today();

        Assert.Contains("Brakuje: priorytetu, działania", await ProblemAsync(await team.OpenConsultationAsync(empty.Id, today.AddDays(7)), HttpStatusCode.Conflict),
            StringComparison.Ordinal);
        var (draft, _) = await service.DraftedPlanAsync("9920033");
        var contents = await service.ContentsAsync();
        Assert.Equal(["closesOn"], (await (await draft.Team.OpenConsultationAsync(draft.Plan.Id, today.AddDays(-1))).ErrorsAsync()).Keys);
        Assert.Equal(["closesOn"], (await (await draft.Team.OpenConsultationAsync(draft.Plan.Id, null)).ErrorsAsync()).Keys);
        Assert.Contains("najwyżej 60 dni", (await (await draft.Team.OpenConsultationAsync(draft.Plan.Id, today.AddDays(61), today.AddDays(1))).ErrorsAsync())
            ["closesOn"].Single(), StringComparison.Ordinal);
        Assert.Equal(["opensOn"], (await (await draft.Team.OpenConsultationAsync(draft.Plan.Id, today.AddDays(5), today.AddDays(-1))).ErrorsAsync()).Keys);
        Assert.Equal(contents, await service.ContentsAsync());

        // Opened from tomorrow: the draft can be read, comments wait for the first day; a version is consulted once.
        var opened = await draft.Team.OpenedAsync(draft.Plan.Id, today.AddDays(60), today.AddDays(1));
        Assert.Equal(ConsultationRow.Scheduled, opened.Consultation.State);
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync(PublicConsultation.PathOf(opened.PublicLink.Token), Ct)).StatusCode);
        Assert.Contains("jeszcze się nie zaczęły", await ProblemAsync(await service.CommentAsync(opened.PublicLink.Token, Comment()), HttpStatusCode.Conflict),
            StringComparison.Ordinal);
        Assert.Contains("w konsultacjach", await ProblemAsync(await draft.Team.OpenConsultationAsync(draft.Plan.Id, today.AddDays(7)), HttpStatusCode.Conflict),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync(PublicConsultation.PathOf(LinkTokenLike()), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_replaced_or_revoked_link_and_a_consultation_past_its_last_day_answer_410_and_the_term_closes_it()
    {
        var (draft, _) = await service.DraftedPlanAsync("9920044");
        var (team, planId) = (draft.Team, draft.Plan.Id);
        var first = (await team.OpenedAsync(planId, service.Today())).PublicLink;
        var second = await ReadAsync<ConsultationLinks.IssuedConsultationLink>(await team.PostAsync($"{Consultation(planId)}/public-link", null, Ct),
            HttpStatusCode.Created);
        var invited = Assert.Single(await ReadAsync<List<ConsultationLinks.Invitation>>(await team.PostAsJsonAsync($"{Consultation(planId)}/invitations",
            new { emails = new[] { "rada.rodzicow@sp1.example.pl" } }, Ct), HttpStatusCode.Created));
        await ReadAsync<PublicConsultation.CommentReceipt>(await service.CommentAsync(second.Token, Comment()), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await team.PostAsync($"{Consultation(planId)}/links/{second.Id}/revoke", null, Ct)).StatusCode);
        var contents = await service.ContentsAsync();

        Assert.Contains("zastąpiono", await ProblemAsync(await service.CommentAsync(first.Token, Comment()), HttpStatusCode.Gone), StringComparison.Ordinal);
        Assert.Contains("unieważnił", await ProblemAsync(await service.CommentAsync(second.Token, Comment()), HttpStatusCode.Gone), StringComparison.Ordinal);
        Assert.Equal(contents, await service.ContentsAsync());

        // Past the last day the links answer 410 at once; the job then records the closing, and the version is revised.
        service.Clock.Advance(TimeSpan.FromDays(1));
        var invitation = InvitationToken(invited.LinkId);
        Assert.Contains("zakończyły się", await ProblemAsync(await service.CommentAsync(invitation, Comment()), HttpStatusCode.Gone), StringComparison.Ordinal);
        Assert.Equal(contents, await service.ContentsAsync());
        Assert.Equal(ConsultationRow.Closed, (await team.ConsultationAsync(planId)).State);
        var termEnd = service.Factory.Services.GetServices<IHostedService>().OfType<ConsultationTermEnd>().Single();
        while (await termEnd.CloseNextAsync(Ct))
        {
        }
        var closed = await team.ConsultationAsync(planId);
        Assert.Equal((CloseConsultation.ByTerm, (DateTimeOffset?)WarsawTime.StartOf(service.Today())), (closed.ClosedHow, closed.ClosedAt));
        Assert.Equal(PlanStatus.Revised, (await team.GetFromJsonAsync<PlanView>(Plan(planId), Ct))!.Current.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await team.PostAsync($"{Consultation(planId)}/public-link", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Comments_past_the_limit_per_address_or_per_invitation_are_429_and_write_nothing()
    {
        var (draft, _) = await service.DraftedPlanAsync("9920055");
        var (team, planId) = (draft.Team, draft.Plan.Id);
        var token = (await team.OpenedAsync(planId, service.Today().AddDays(10))).PublicLink.Token;
        var invited = Assert.Single(await ReadAsync<List<ConsultationLinks.Invitation>>(await team.PostAsJsonAsync($"{Consultation(planId)}/invitations",
            new { emails = new[] { "dyrektor@sp2.example.pl" } }, Ct), HttpStatusCode.Created));
        var invitation = InvitationToken(invited.LinkId);

        for (var i = 0; i < MonitoringService.CommentsPerAddressPerHour; i++)
        {
            await ReadAsync<PublicConsultation.CommentReceipt>(await service.CommentAsync(token, Comment(text: $"Uwaga {i}"), "192.0.2.50"), HttpStatusCode.Created);
        }
        for (var i = 0; i < MonitoringService.CommentsPerInvitationPerHour; i++)
        {
            await ReadAsync<PublicConsultation.CommentReceipt>(await service.CommentAsync(invitation, Comment("school-director"), $"192.0.2.{60 + i}"),
                HttpStatusCode.Created);
        }
        var contents = await service.ContentsAsync();

        var byAddress = await service.CommentAsync(token, Comment(), "192.0.2.50");
        Assert.Contains("adresu sieciowego", await ProblemAsync(byAddress, HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        Assert.InRange(int.Parse(byAddress.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 3600);
        Assert.Contains("zaproszenie", await ProblemAsync(await service.CommentAsync(invitation, Comment("school-director"), "192.0.2.70"),
            HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        Assert.Equal(contents, await service.ContentsAsync());

        // Another address is let in meanwhile, and the first one again an hour later.
        await ReadAsync<PublicConsultation.CommentReceipt>(await service.CommentAsync(token, Comment(), "192.0.2.51"), HttpStatusCode.Created);
        service.Clock.Advance(TimeSpan.FromMinutes(61));
        await ReadAsync<PublicConsultation.CommentReceipt>(await service.CommentAsync(token, Comment(), "192.0.2.50"), HttpStatusCode.Created);
        var counts = (await team.ConsultationAsync(planId)).Counts;
        Assert.Equal((3, 7), (counts.Participants, counts.Comments)); // two addresses through the public link, one invitation
    }

    [Fact]
    public async Task Invitations_go_to_notifications_as_an_event_without_the_token_and_a_second_invitation_replaces_the_link()
    {
        var (draft, _) = await service.DraftedPlanAsync("9920066");
        var (team, planId) = (draft.Team, draft.Plan.Id);
        var consultation = (await team.OpenedAsync(planId, service.Today().AddDays(14))).Consultation;

        Assert.Equal(["emails[1]"], (await (await team.PostAsJsonAsync($"{Consultation(planId)}/invitations",
            new { emails = new[] { "ok@example.pl", "nie-adres" } }, Ct)).ErrorsAsync()).Keys);
        var invited = await ReadAsync<List<ConsultationLinks.Invitation>>(await team.PostAsJsonAsync($"{Consultation(planId)}/invitations",
            new { emails = new[] { "nauczyciele@sp1.example.pl", "rada@sp1.example.pl", "Rada@sp1.example.pl" } }, Ct), HttpStatusCode.Created);
        var again = Assert.Single(await ReadAsync<List<ConsultationLinks.Invitation>>(await team.PostAsJsonAsync($"{Consultation(planId)}/invitations",
            new { emails = new[] { "rada@sp1.example.pl" } }, Ct), HttpStatusCode.Created));

        Assert.Equal([false, false], invited.Select(i => i.Replaced));
        Assert.True(again.Replaced);
        var mails = await service.EventsAsync(nameof(ConsultationInvitationMailRequested), e => e.GetProperty("planId").GetGuid() == planId);
        Assert.Equal(["nauczyciele@sp1.example.pl", "rada@sp1.example.pl", "rada@sp1.example.pl"],
            mails.Select(m => m.GetProperty("email").GetString()).Order(StringComparer.Ordinal));
        var mail = mails.Single(m => m.GetProperty("linkId").GetGuid() == again.LinkId);
        Assert.Equal((again.LinkId, consultation.Id, consultation.ClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (mail.GetProperty("linkId").GetGuid(), mail.GetProperty("consultationId").GetGuid(), mail.GetProperty("closesOn").GetString()));
        Assert.EndsWith("/konsultacje/", mail.GetProperty("formUrl").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(InvitationToken(again.LinkId), mail.GetRawText(), StringComparison.Ordinal);

        // The mailed link opens the draft as a personal invitation; the one it replaced answers 410.
        var read = await ReadAsync<PublicConsultation.PublicConsultationView>(await service.Anonymous.GetAsync(
            PublicConsultation.PathOf(InvitationToken(again.LinkId)), Ct), HttpStatusCode.OK);
        Assert.Equal(ConsultationLinks.Personal, read.LinkKind);
        Assert.Equal(HttpStatusCode.Gone, (await service.Anonymous.GetAsync(PublicConsultation.PathOf(InvitationToken(invited[1].LinkId)), Ct)).StatusCode);
        var links = (await team.ConsultationAsync(planId)).Links;
        Assert.Equal([ConsultationLinks.Public, ConsultationLinks.Personal, ConsultationLinks.Personal, ConsultationLinks.Personal], links.Select(l => l.Kind));
        Assert.Equal("replaced", links.Single(l => l.Id == invited[1].LinkId).RevokedHow);
    }

    [Fact]
    public async Task Another_JSTs_team_and_advisor_find_no_consultation_and_a_participant_cannot_act_for_the_team()
    {
        var (draft, _) = await service.DraftedPlanAsync("9920077");
        var (team, planId) = (draft.Team, draft.Plan.Id);
        var token = (await team.OpenedAsync(planId, service.Today().AddDays(10))).PublicLink.Token;
        var comment = await ReadAsync<PublicConsultation.CommentReceipt>(await service.CommentAsync(token, Comment()), HttpStatusCode.Created);
        var stranger = service.Team("9920088");
        var contents = await service.ContentsAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Consultation(planId), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Advisor("9920088").GetAsync(Consultation(planId), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Plan(planId)}/consultations", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{Consultation(planId)}/close", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{Consultation(planId)}/public-link", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{Consultation(planId)}/invitations",
            new { emails = new[] { "ktos@example.pl" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{Consultation(planId)}/comments/{comment.Id}/answer",
            new { answer = "rejected", reason = "Nie nasza sprawa." }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.OpenConsultationAsync(planId, service.Today().AddDays(3))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Advisor("9920077").PostAsync($"{Consultation(planId)}/close", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous.GetAsync(Consultation(planId), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous.PostAsync($"{Consultation(planId)}/close", null, Ct)).StatusCode);
        Assert.Equal(contents, await service.ContentsAsync());
    }

    [Fact]
    public async Task PersonErased_removes_the_invited_address_and_the_name_given_through_the_invitation()
    {
        var (draft, _) = await service.DraftedPlanAsync("9920099");
        var (team, planId) = (draft.Team, draft.Plan.Id);
        await team.OpenedAsync(planId, service.Today().AddDays(10));
        var invited = await ReadAsync<List<ConsultationLinks.Invitation>>(await team.PostAsJsonAsync($"{Consultation(planId)}/invitations",
            new { emails = new[] { "ewa.rodzic@example.pl", "sekretariat@sp1.example.pl" } }, Ct), HttpStatusCode.Created);
        var comment = await ReadAsync<PublicConsultation.CommentReceipt>(await service.CommentAsync(InvitationToken(invited[0].LinkId),
            Comment(name: "Ewa Rodzic", publishName: true)), HttpStatusCode.Created);

        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = "EWA.Rodzic@example.pl" });

        var links = await Eventually.GetAsync(async () => (await team.ConsultationAsync(planId)).Links,
            l => l.Single(x => x.Id == invited[0].LinkId).Email is null, what: "the invited address erased");
        Assert.Equal("sekretariat@sp1.example.pl", links.Single(l => l.Id == invited[1].LinkId).Email);
        var erased = (await team.ConsultationAsync(planId)).Comments.Single(c => c.Id == comment.Id);
        Assert.Equal((null, false), (erased.AuthorName, erased.PublishName));
        Assert.Empty(await service.QueryAsync<string>("SELECT payload::text FROM outbox_messages WHERE payload::text ILIKE '%ewa.rodzic%'"));
        Assert.Single(await service.EventsAsync(nameof(ConsultationInvitationMailRequested), e => e.GetProperty("email").GetString() == "sekretariat@sp1.example.pl"));
    }

    /// <summary>A string shaped like a link's token that no link has.</summary>
    private static string LinkTokenLike() => Convert.ToBase64String([.. Guid.NewGuid().ToByteArray(), .. Guid.NewGuid().ToByteArray()])
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
