using System.Text.Json;
using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Tests;

/// <summary>
/// What a team sends wrong is refused with the field named, and nothing is written: an unknown topic or licence, a cost
/// without a known source, a co-author outside the team, a link that is no web address, a bad contact address, a
/// submission with fields missing, and files: a photo without alternative text, a file over the limit, one whose content
/// is not what it may be or whose name says otherwise.
/// </summary>
public sealed class BadInputTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JsonElement>(body).GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Fact]
    public async Task Invalid_fields_of_the_template_answer_400_naming_each_field_and_write_nothing()
    {
        var team = await service.JstWithTeamAsync("0401011", "Aleksandrów Kujawski", "urban-municipality", "kujawsko-pomorskie");
        var anna = service.As(team, team.Coordinator);
        var before = await service.RowCountsAsync();
        var template = Practices.Complete(topics: ["infrastructure", "astrologia"]) with
        {
            Licence = "GPL-3.0",
            Costs = [new CostItem("Sieć", 1000, "loteria"), new CostItem("Sprzęt", -5, "jst-budget")],
            Evidence = [new EffectEvidence("Raport", Url: "gmina.example.pl/raport")],
            Contacts = [new PracticeContact("Anna", Email: "anna@gmina")],
            PlanId = null,
        };

        var errors = await ErrorsAsync(await anna.PostAsJsonAsync("/api/publishing/practices", template, Ct), HttpStatusCode.BadRequest);

        Assert.Equal(["contacts[0].email", "costs[0].source", "costs[1].amount", "evidence[0].url", "licence", "planId", "topics[1]"], errors.Keys.Order());
        Assert.Contains("m1-diagnosis", errors["topics[1]"].Single());
        Assert.Equal(before, await service.RowCountsAsync());

        // A co-author is a member of the JST's team: someone else's member, or a person by name, is refused at their place.
        var other = await service.JstWithTeamAsync("0401022", "Ciechocinek", "urban-municipality", "kujawsko-pomorskie");
        before = await service.RowCountsAsync();
        errors = await ErrorsAsync(await anna.PostAsJsonAsync("/api/publishing/practices", Practices.Complete(authors:
        [
            new AuthorInput(team.Member.MemberId), new AuthorInput(other.Member.MemberId), new AuthorInput(null, "Obca Osoba", "obca@example.pl"),
        ]), Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["authors[1].memberId", "authors[2].memberId"], errors.Keys.Order());
        Assert.Equal(before, await service.RowCountsAsync());
    }

    [Fact]
    public async Task A_submission_with_fields_missing_answers_409_naming_them_and_stays_a_draft()
    {
        var team = await service.JstWithTeamAsync("0401033", "Lubraniec", voivodeship: "kujawsko-pomorskie");
        var anna = service.As(team, team.Coordinator);
        var draft = await Practices.StartAsync(anna, new PracticeTemplate("Tylko tytuł", Topics: ["teaching"]));
        var before = await service.RowCountsAsync();
        var state = await service.PracticesStateAsync();

        var errors = await ErrorsAsync(await anna.PostAsJsonAsync($"/api/publishing/practices/{draft.Id}/submit", new { }, Ct), HttpStatusCode.Conflict);

        Assert.Equal(["contacts", "effects", "problem", "solution", "steps", "summary"], errors.Keys.Order());
        Assert.Equal((before, state), (await service.RowCountsAsync(), await service.PracticesStateAsync()));
    }

    [Fact]
    public async Task Files_that_are_not_what_they_may_be_are_refused_with_the_reason_and_nothing_is_kept()
    {
        var team = await service.JstWithTeamAsync("0401044", "Inowrocław", "city-county", "kujawsko-pomorskie");
        var anna = service.As(team, team.Coordinator);
        var draft = await Practices.StartAsync(anna, Practices.Complete());
        var files = $"/api/publishing/practices/{draft.Id}/files";
        var before = await service.RowCountsAsync();

        // A photo without alternative text: 400 at altText.
        var noAlt = await anna.PostAsync(files, Practices.Upload(Practices.Jpeg(), "sala.jpg", "photo"), Ct);
        Assert.Equal(["altText"], (await ErrorsAsync(noAlt, HttpStatusCode.BadRequest)).Keys);
        var blankAlt = await anna.PostAsync(files, Practices.Upload(Practices.Jpeg(), "sala.jpg", "photo", altText: "   "), Ct);
        Assert.Equal(["altText"], (await ErrorsAsync(blankAlt, HttpStatusCode.BadRequest)).Keys);
        // An unknown kind: 400 at kind.
        Assert.Equal(["kind"], (await ErrorsAsync(await anna.PostAsync(files, Practices.Upload(Practices.Pdf(), "wzor.pdf", "film"), Ct),
            HttpStatusCode.BadRequest)).Keys);
        // Over the limit of its kind: 413 (a photo's limit is lower than a document's).
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await anna.PostAsync(files,
            Practices.Upload(Practices.Jpeg(PublishingService.MaxPhotoBytes + 1), "duze.jpg", "photo", altText: "Sala"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await anna.PostAsync(files,
            Practices.Upload(Practices.Pdf(PublishingService.MaxAttachmentBytes + 1), "duzy.pdf", "attachment"), Ct)).StatusCode);
        // Content of another type than the kind allows (an executable named .pdf; a PDF sent as a photo): 415.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await anna.PostAsync(files,
            Practices.Upload([0x4D, 0x5A, 0x90, 0x00, 0x03], "wzor.pdf", "attachment"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await anna.PostAsync(files,
            Practices.Upload(Practices.Pdf(), "zdjecie.jpg", "photo", altText: "Sala"), Ct)).StatusCode);
        // A name that says otherwise than the content (a DOCX named .pdf): 415.
        var misnamed = await anna.PostAsync(files, Practices.Upload(Practices.Docx(), "regulamin.pdf", "attachment"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, misnamed.StatusCode);
        Assert.Contains(".docx", await misnamed.Content.ReadAsStringAsync(Ct));
        // Not a form at all: 415.
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await anna.PostAsJsonAsync(files, new { file = "x" }, Ct)).StatusCode);

        Assert.Equal(before, await service.RowCountsAsync());
    }

    [Fact]
    public async Task Model_documents_and_photos_of_every_accepted_kind_are_kept_as_sent()
    {
        var team = await service.JstWithTeamAsync("0401055", "Kruszwica", voivodeship: "kujawsko-pomorskie");
        var anna = service.As(team, team.Coordinator);
        var draft = await Practices.StartAsync(anna, Practices.Complete());
        var files = $"/api/publishing/practices/{draft.Id}/files";
        (byte[] Content, string Name, string Kind, string Type)[] accepted =
        [
            (Practices.Pdf(), "regulamin.pdf", "attachment", "application/pdf"),
            (Practices.Docx(), "umowa.docx", "attachment", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            (Practices.Odt(), "zarzadzenie.odt", "attachment", "application/vnd.oasis.opendocument.text"),
            (Practices.Xlsx(), "kosztorys.xlsx", "attachment", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (Practices.Jpeg(), "sala.jpeg", "photo", "image/jpeg"),
            (Practices.Png(), "schemat.png", "photo", "image/png"),
        ];

        foreach (var (content, name, kind, type) in accepted)
        {
            var file = await Practices.ReadAsync<PracticeFileView>(await anna.PostAsync(files,
                Practices.Upload(content, name, kind, kind == "photo" ? $"Zdjęcie {name}" : null, "Wzór do pobrania"), Ct), HttpStatusCode.Created);
            Assert.Equal((kind, type, (long)content.Length), (file.Kind, file.ContentType, file.SizeBytes));
            var download = await anna.GetAsync($"{files}/{file.Id}", Ct);
            Assert.Equal(type, download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(content, await download.Content.ReadAsByteArrayAsync(Ct));
        }
        var practice = await Practices.ReadAsync<PracticeView>(await anna.GetAsync($"/api/publishing/practices/{draft.Id}", Ct));
        Assert.Equal(accepted.Select(a => a.Name), practice.Files.Select(f => f.FileName));
        Assert.All(practice.Files.Where(f => f.Kind == "photo"), f => Assert.StartsWith("Zdjęcie", f.AltText));
    }
}
