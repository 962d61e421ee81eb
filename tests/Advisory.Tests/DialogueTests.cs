using System.Net.Http.Headers;
using System.Text.Json;

namespace Cro.Advisory.Tests;

public sealed class DialogueTests(AdvisoryService service) : IClassFixture<AdvisoryService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_team_plans_a_dialogue_meeting_records_who_came_by_type_and_the_counts_are_announced()
    {
        var (team, advisor, engagement) = await service.EngagedAsync("1401011");
        var member = service.Member(team.MemberEmail, team.Terc);
        var planned = await member.PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/dialogue-meetings", new
        {
            kind = "dialogue", topic = "Cyfrowe szkoły gminy", startsAt = service.Clock.GetUtcNow().AddDays(7), place = "Sala sesyjna urzędu",
            invited = new Dictionary<string, int> { ["school-directors"] = 6, ["teachers"] = 20, ["parents"] = 30 }, openRegistration = false,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, planned.StatusCode);
        var meeting = (await planned.Content.ReadFromJsonAsync<Dialogue>(Ct))!;
        Assert.Equal((6, 0), (meeting.Invited["school-directors"], meeting.Invited["pupils"]));
        var present = new Dictionary<string, int> { ["school-directors"] = 5, ["teachers"] = 17, ["parents"] = 22, ["councillors"] = 2 };

        var early = await member.PostAsJsonAsync($"/api/advisory/dialogue-meetings/{meeting.Id}/held", new { present }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        service.Clock.Advance(TimeSpan.FromDays(8));
        try
        {
            var held = await service.Advisor(advisor.Email).PostAsJsonAsync($"/api/advisory/dialogue-meetings/{meeting.Id}/held",
                new { present, minutes = "Przedstawiono diagnozę.", conclusions = "Priorytet: sieć w szkołach." }, Ct);

            Assert.Equal(HttpStatusCode.OK, held.StatusCode);
            Assert.Equal("held", (await held.Content.ReadFromJsonAsync<Dialogue>(Ct))!.Status);
            var announced = Assert.Single(await service.EventsAsync(nameof(DialogueMeetingHeld),
                e => e.GetProperty("dialogueMeetingId").GetGuid() == meeting.Id));
            var counts = announced.GetProperty("present");
            Assert.Equal((5, 17, 22, 2, 0), (counts.GetProperty("school-directors").GetInt32(), counts.GetProperty("teachers").GetInt32(),
                counts.GetProperty("parents").GetInt32(), counts.GetProperty("councillors").GetInt32(), counts.GetProperty("pupils").GetInt32()));
        }
        finally
        {
            service.Clock.Advance(TimeSpan.FromDays(-8));
        }
    }

    [Fact]
    public async Task Unknown_stakeholder_types_and_registration_for_a_dialogue_are_400_and_another_JST_sees_nothing()
    {
        var (team, _, engagement) = await service.EngagedAsync("1401022");
        var (other, _, _) = await service.EngagedAsync("1401032");
        var member = service.Member(team.MemberEmail, team.Terc);

        var unknownType = await member.PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/dialogue-meetings", new
        {
            kind = "dialogue", topic = "T", startsAt = service.Clock.GetUtcNow().AddDays(3), place = "P",
            invited = new Dictionary<string, int> { ["journalists"] = 3 }, openRegistration = false,
        }, Ct);
        var openDialogue = await member.PostAsJsonAsync($"/api/advisory/engagements/{engagement.Id}/dialogue-meetings", new
        {
            kind = "dialogue", topic = "T", startsAt = service.Clock.GetUtcNow().AddDays(3), place = "P", openRegistration = true, capacity = 10,
        }, Ct);
        var fromOtherJst = await service.Member(other.MemberEmail, other.Terc).PostAsJsonAsync(
            $"/api/advisory/engagements/{engagement.Id}/dialogue-meetings",
            new { kind = "dialogue", topic = "T", startsAt = service.Clock.GetUtcNow().AddDays(3), place = "P", openRegistration = false }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, openDialogue.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, fromOtherJst.StatusCode);
        Assert.Empty(await service.QueryAsync<Guid>("SELECT id FROM dialogue_meetings WHERE engagement_id = @Id", new { engagement.Id }));
    }

    [Fact]
    public async Task The_scanned_attendance_list_is_accepted_as_PDF_or_an_image_and_anything_else_is_refused_by_its_content()
    {
        var (team, _, engagement) = await service.EngagedAsync("1401043");
        var member = service.Member(team.MemberEmail, team.Terc);
        var meeting = await PlanAsync(member, engagement.Id, open: false);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

        var scan = await UploadAsync(member, meeting.Id, png, "lista.png");
        var renamed = await UploadAsync(member, meeting.Id, png, "lista.pdf");
        var text = await UploadAsync(member, meeting.Id, "to nie jest skan"u8.ToArray(), "lista.pdf");

        Assert.Equal(HttpStatusCode.Created, scan.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        var stored = (await scan.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var download = await member.GetAsync($"/api/advisory/dialogue-meetings/{meeting.Id}/attachments/{stored}", Ct);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Single(await service.QueryAsync<Guid>("SELECT id FROM dialogue_attachments WHERE dialogue_meeting_id = @Id", new { meeting.Id }));
    }

    [Fact]
    public async Task Anyone_registers_for_a_public_debate_without_an_account_until_the_places_run_out_and_gets_a_confirmation()
    {
        var (team, _, engagement) = await service.EngagedAsync("1401052");
        var member = service.Member(team.MemberEmail, team.Terc);
        var debate = await PlanAsync(member, engagement.Id, open: true, capacity: 2);
        var link = $"/api/advisory/public/debates/{debate.RegistrationToken}";

        var shown = await service.Anonymous.GetFromJsonAsync<JsonElement>(link, Ct);
        Assert.Equal((2, "Gmina 1401052"), (shown.GetProperty("placesLeft").GetInt32(), shown.GetProperty("jstName").GetString()));

        var first = await Register(link, "rodzic@example.pl", consent: true);
        var twice = await Register(link, "RODZIC@example.pl", consent: true);
        var noConsent = await Register(link, "nauczyciel@example.pl", consent: false);
        var second = await Register(link, "nauczyciel@example.pl", consent: true);
        var full = await Register(link, "pracodawca@example.pl", consent: true);
        var unknown = await service.Anonymous.GetAsync("/api/advisory/public/debates/nie-ma-takiego", Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noConsent.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var registrations = (await member.GetFromJsonAsync<List<JsonElement>>($"/api/advisory/dialogue-meetings/{debate.Id}/registrations", Ct))!;
        Assert.Equal(["rodzic@example.pl", "nauczyciel@example.pl"], registrations.Select(r => r.GetProperty("email").GetString()));
        Assert.Equal(2, (await service.EventsAsync(nameof(DebateRegistrationReceived), e => e.GetProperty("dialogueMeetingId").GetGuid() == debate.Id)).Count);
    }

    private async Task<Dialogue> PlanAsync(HttpClient client, Guid engagementId, bool open, int? capacity = null)
    {
        var response = await client.PostAsJsonAsync($"/api/advisory/engagements/{engagementId}/dialogue-meetings", new
        {
            kind = open ? "debate" : "dialogue", topic = "Debata o szkole cyfrowej", startsAt = service.Clock.GetUtcNow().AddDays(10),
            place = "Szkoła Podstawowa nr 1", openRegistration = open, capacity,
        }, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Dialogue>(Ct))!;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid meetingId, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/advisory/dialogue-meetings/{meetingId}/attachments", form, Ct);
    }

    private Task<HttpResponseMessage> Register(string link, string email, bool consent) => service.Anonymous.PostAsJsonAsync($"{link}/registrations",
        new { fullName = "Osoba Zainteresowana", email, stakeholderType = "parents", consent }, Ct);

    private sealed record Dialogue(Guid Id, string Kind, string Status, Dictionary<string, int> Invited, string? RegistrationToken);
}
