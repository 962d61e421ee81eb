using Cro.ServiceDefaults;
using Cro.Training.Features.Materials;

namespace Cro.Training.Tests;

public sealed class MaterialsTests(TrainingService service) : IClassFixture<TrainingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> StoredFilesAsync() => (await service.QueryAsync<int>("SELECT count(*)::int FROM material_files"))[0];

    private async Task<MaterialView> UploadAsync(byte[] content, string fileName, bool isPublic = false, string module = "M1")
    {
        var response = await service.Operator().PostAsync($"/api/training/modules/{module}/materials/files",
            MaterialFiles.Form(content, fileName, isPublic: isPublic), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MaterialView>(Ct))!;
    }

    [Fact]
    public async Task A_lesson_is_rendered_from_Markdown_and_anything_that_could_run_is_removed()
    {
        const string markdown = """
            # Diagnoza zasobów

            Zbieramy dane o **sprzęcie** i sieci.

            <script>alert('xss')</script>

            [zły link](javascript:alert(1)) i [dobry link](https://ore.edu.pl/)

            <img src="x" onerror="alert(2)"> <a href="#" onclick="alert(3)">kliknij</a>
            """;

        var response = await service.Operator().PostAsJsonAsync("/api/training/modules/M1/materials/lessons",
            new AddMaterial.LessonRequest("Lekcja 1", markdown), Ct);
        var lesson = await response.Content.ReadFromJsonAsync<MaterialView>(Ct);
        var read = await service.Operator().GetFromJsonAsync<MaterialView>($"/api/training/materials/{lesson!.Id}", Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var html = read!.Html!;
        Assert.Contains("<h1", html);
        Assert.Contains("<strong>sprzęcie</strong>", html);
        Assert.Contains("href=\"https://ore.edu.pl/\"", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(markdown, read.Markdown);
    }

    [Fact]
    public async Task A_PDF_is_stored_and_served_with_its_type_as_an_attachment_that_browsers_do_not_sniff()
    {
        var pdf = MaterialFiles.Pdf();
        var material = await UploadAsync(pdf, "Program szkolenia – M1.pdf");

        var response = await service.Operator().GetAsync($"/api/training/materials/{material.Id}/file", Ct);

        Assert.Equal(("file", "application/pdf", (long)pdf.Length, "Program szkolenia – M1"), (material.Kind, material.ContentType, material.SizeBytes, material.Title));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Program szkolenia – M1.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Office_documents_and_slides_are_recognised_by_their_content()
    {
        var docx = await UploadAsync(MaterialFiles.Docx(), "ankieta.docx");
        var pptx = await UploadAsync(MaterialFiles.Pptx(), "prezentacja.pptx");
        var odp = await UploadAsync(MaterialFiles.Odp(), "prezentacja.odp");

        Assert.Equal(FileKind.Docx.ContentType, docx.ContentType);
        Assert.Equal(FileKind.Pptx.ContentType, pptx.ContentType);
        Assert.Equal(FileKind.Odp.ContentType, odp.ContentType);
    }

    [Theory]
    [InlineData("executable", "program.pdf")]
    [InlineData("zip", "ankieta.docx")]
    [InlineData("pdf", "ankieta.docx")]
    [InlineData("docx", "ankieta.pdf")]
    public async Task A_file_whose_content_is_not_an_accepted_kind_or_not_what_its_name_says_is_415_and_nothing_is_stored(string content, string name)
    {
        var before = await StoredFilesAsync();
        var bytes = content switch
        {
            "executable" => MaterialFiles.Executable(),
            "zip" => MaterialFiles.PlainZip(),
            "pdf" => MaterialFiles.Pdf(),
            _ => MaterialFiles.Docx(),
        };

        var response = await service.Operator().PostAsync("/api/training/modules/M1/materials/files", MaterialFiles.Form(bytes, name), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await StoredFilesAsync());
    }

    [Fact]
    public async Task Oversized_empty_and_misaddressed_uploads_are_refused_with_problem_details_and_nothing_is_stored()
    {
        var before = await StoredFilesAsync();
        var operatorClient = service.Operator();

        var oversized = await operatorClient.PostAsync("/api/training/modules/M1/materials/files",
            MaterialFiles.Form(MaterialFiles.Pdf((int)TrainingService.MaxFileBytes + 1), "duzy.pdf"), Ct);
        var empty = await operatorClient.PostAsync("/api/training/modules/M1/materials/files", MaterialFiles.Form([], "pusty.pdf"), Ct);
        var notAForm = await operatorClient.PostAsync("/api/training/modules/M1/materials/files", new ByteArrayContent(MaterialFiles.Pdf()), Ct);
        var noModule = await operatorClient.PostAsync("/api/training/modules/M9/materials/files", MaterialFiles.Form(MaterialFiles.Pdf(), "a.pdf"), Ct);
        var notOperator = await service.Trainer("t@ore.example.pl").PostAsync("/api/training/modules/M1/materials/files",
            MaterialFiles.Form(MaterialFiles.Pdf(), "a.pdf"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Contains("Plik za duży", await oversized.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAForm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noModule.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notOperator.StatusCode);
        Assert.Equal(before, await StoredFilesAsync());
    }

    [Fact]
    public async Task Enrolled_participants_see_every_material_others_only_public_ones_and_everyone_the_public_ones_without_signing_in()
    {
        var team = await Teams.AcceptAsync(service, Teams.Osiecznica);
        var hidden = await UploadAsync(MaterialFiles.Pdf(), "wewnetrzny.pdf", module: "M3");
        var open = await UploadAsync(MaterialFiles.Pdf(), "publiczny.pdf", isPublic: true, module: "M3");
        var link = await service.Operator().PostAsJsonAsync("/api/training/modules/M3/materials/links",
            new AddMaterial.LinkRequest("Kompetencje cyfrowe (DigComp)", "https://joint-research-centre.ec.europa.eu/digcomp_en", IsPublic: true), Ct);
        var participant = service.Member(team.Team[1].Email, Teams.Osiecznica);
        var outsider = service.Member($"{Guid.NewGuid():N}@gmina.example.pl", Teams.Osiecznica);

        var participantSees = await participant.GetFromJsonAsync<List<MaterialView>>("/api/training/modules/M3/materials", Ct);
        var outsiderSees = await outsider.GetFromJsonAsync<List<MaterialView>>("/api/training/modules/M3/materials", Ct);
        var publicList = await service.Anonymous.GetFromJsonAsync<List<MaterialView>>("/api/training/public/materials?module=M3", Ct);

        Assert.Equal(HttpStatusCode.Created, link.StatusCode);
        Assert.Equal([hidden.Id, open.Id], participantSees!.Where(m => m.Kind == "file").Select(m => m.Id));
        // Besides the module's public programme lesson seeded with the programme.
        Assert.Equal(3, participantSees!.Count(m => m.Kind != "lesson"));
        Assert.DoesNotContain(outsiderSees!, m => m.Id == hidden.Id);
        Assert.Contains(outsiderSees!, m => m.Id == open.Id);
        Assert.DoesNotContain(publicList!, m => m.Id == hidden.Id);
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync($"/api/training/materials/{hidden.Id}/file", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/training/materials/{hidden.Id}/file", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync($"/api/training/public/materials/{hidden.Id}/file", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync($"/api/training/public/materials/{open.Id}/file", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous.GetAsync($"/api/training/materials/{open.Id}/file", Ct)).StatusCode);

        // The operator opens the hidden one to everyone.
        var change = await service.Operator().PutAsJsonAsync($"/api/training/materials/{hidden.Id}",
            new ChangeMaterial.ChangeMaterialRequest("Materiał wewnętrzny (już publiczny)", IsPublic: true), Ct);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync($"/api/training/public/materials/{hidden.Id}/file", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await service.Operator().DeleteAsync($"/api/training/materials/{hidden.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync($"/api/training/public/materials/{hidden.Id}", Ct)).StatusCode);
    }
}
