using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Tests;

/// <summary>The steps and texts the practice tests share: a complete template, the calls of its life, files of each kind.</summary>
public static class Practices
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A practice with every field a submission needs (and more), about a school's network unless told otherwise.</summary>
    public static PracticeTemplate Complete(string title = "Szybka łączność światłowodowa w każdej szkole gminy", string? problem = null,
        string? solution = null, string[]? topics = null, decimal cost = 48_000m, IReadOnlyList<AuthorInput>? authors = null, bool publishNames = true,
        string? summary = null) => new(
        title,
        Summary: summary ?? "Gmina doprowadziła światłowód do wszystkich szkół i uruchomiła sieć Wi-Fi w salach lekcyjnych.",
        Problem: problem ?? "Szkoły na wsiach miały wolny internet radiowy, a lekcje z tablicą interaktywną przerywały się co kilka minut.",
        Solution: solution ?? "Gmina połączyła szkoły własną siecią światłowodową i wymieniła punkty dostępowe w salach.",
        Steps: [new PracticeStep("Inwentaryzacja łączy", "Zespół sprawdził prędkość łącza w każdej szkole."), new PracticeStep("Przetarg na sieć")],
        Effects: "Każda sala ma stabilny internet 300 Mb/s; nauczyciele prowadzą lekcje z zasobami online.",
        Evidence: [new EffectEvidence("Szkoły z łączem co najmniej 300 Mb/s", 7, "szkół", "https://gmina.example.pl/raport-sieci")],
        PlanId: Guid.CreateVersion7(), PlanActionIds: [Guid.CreateVersion7()],
        Costs: [new CostItem("Budowa sieci", cost * 3 / 4, "eu-funds"), new CostItem("Punkty dostępowe", cost / 4, "jst-budget")],
        Partners: ["Operator telekomunikacyjny"], Difficulties: "Uzgodnienia z zarządcą dróg trwały pół roku.",
        ToRepeat: "Inwentaryzacja łączy i wniosek o dofinansowanie; około roku pracy.",
        Contacts: [new PracticeContact("Anna Kontaktowa", "informatyk gminy", "kontakt@gmina.example.pl", "+48 75 000 00 00")],
        Topics: topics ?? ["infrastructure", "m4-strategic-plan"], Licence: null, PublishAuthorNames: publishNames, Authors: authors);

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
    }

    public static async Task<PracticeView> StartAsync(HttpClient author, PracticeTemplate template) =>
        await ReadAsync<PracticeView>(await author.PostAsJsonAsync("/api/publishing/practices", template, Ct), HttpStatusCode.Created);

    public static async Task<PracticeView> PostAsync(HttpClient caller, Guid id, string step, object? body = null) =>
        await ReadAsync<PracticeView>(await caller.PostAsJsonAsync($"/api/publishing/practices/{id}/{step}", body ?? new { }, Ct));

    public static async Task<PracticeView> SaveAsync(HttpClient author, PracticeView practice, PracticeTemplate template) =>
        await ReadAsync<PracticeView>(await author.PutAsJsonAsync($"/api/publishing/practices/{practice.Id}?revision={practice.Revision}", template, Ct));

    /// <summary>A team's practice taken through the review straight to the catalogue: submitted, passed by ORE for the advisor, published.</summary>
    public static async Task<PracticeView> PublishedAsync(PublishingService service, PublishingService.Team team, PracticeTemplate template)
    {
        var practice = await StartAsync(service.As(team, team.Coordinator), template);
        await PostAsync(service.As(team, team.Coordinator), practice.Id, "submit");
        var editor = service.Editor();
        await PostAsync(editor, practice.Id, "approve");
        return await PostAsync(editor, practice.Id, "publish");
    }

    public static MultipartFormDataContent Upload(byte[] content, string fileName, string kind, string? altText = null, string? description = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        if (altText is not null)
        {
            form.Add(new StringContent(altText), "altText");
        }
        if (description is not null)
        {
            form.Add(new StringContent(description), "description");
        }
        return form;
    }

    public static byte[] Pdf(int size = 2_000) => Padded("%PDF-1.7\n"u8.ToArray(), size);

    public static byte[] Jpeg(int size = 2_000) => Padded([0xFF, 0xD8, 0xFF, 0xE0], size);

    public static byte[] Png(int size = 2_000) => Padded([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Xlsx() => Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Odt() => Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));

    private static byte[] Padded(byte[] signature, int size) => [.. signature, .. Enumerable.Repeat((byte)'x', Math.Max(0, size - signature.Length))];

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
