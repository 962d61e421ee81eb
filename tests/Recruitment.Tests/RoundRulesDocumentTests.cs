using System.Net.Http.Headers;
using System.Text;
using Cro.Recruitment.Features.Rounds;

namespace Cro.Recruitment.Tests;

/// <summary>The operator attaches a round's recruitment rules as a PDF; anyone downloads it.</summary>
public sealed class RoundRulesDocumentTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static MultipartFormDataContent Upload(byte[] content, string fileName, string declaredType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private async Task<long> StoredAsync(Guid roundId)
    {
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM round_rules_documents WHERE round_id = @roundId", new { roundId });
    }

    [Fact]
    public async Task The_operator_attaches_the_rules_as_a_PDF_and_anyone_downloads_it_as_a_PDF_that_is_not_sniffed()
    {
        var round = await Applicants.OpenRoundAsync(service);

        var uploaded = await service.Operator().PutAsync($"/api/recruitment/rounds/{round.Id}/rules-document", Upload(Pdf, "C:\\Dokumenty\\Regulamin naboru 2026.pdf"), Ct);
        var listed = await service.Client.GetFromJsonAsync<RoundResponse>($"/api/recruitment/rounds/{round.Id}", Ct);
        var download = await service.Client.GetAsync($"/api/recruitment/rounds/{round.Id}/rules-document", Ct);

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Equal("Regulamin naboru 2026.pdf", listed!.RulesDocument!.FileName);
        Assert.Equal(Pdf.Length, listed.RulesDocument.SizeBytes);
        Assert.Equal($"/api/recruitment/rounds/{round.Id}/rules-document", listed.RulesDocument.Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("Regulamin naboru 2026.pdf", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task A_new_upload_replaces_the_rules_of_the_round()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var second = Encoding.ASCII.GetBytes("%PDF-1.7\n% zmieniony regulamin\n%%EOF");

        await service.Operator().PutAsync($"/api/recruitment/rounds/{round.Id}/rules-document", Upload(Pdf, "regulamin.pdf"), Ct);
        var replaced = await service.Operator().PutAsync($"/api/recruitment/rounds/{round.Id}/rules-document", Upload(second, "regulamin-v2.pdf"), Ct);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(second, await service.Client.GetByteArrayAsync($"/api/recruitment/rounds/{round.Id}/rules-document", Ct));
        Assert.Equal(1, await StoredAsync(round.Id));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>")]
    [InlineData("%PDF-1.4 but cut short, no end marker")]
    public async Task Content_that_is_not_a_PDF_is_refused_whatever_its_name_and_declared_type(string content)
    {
        var round = await Applicants.OpenRoundAsync(service);

        var refused = await service.Operator().PutAsync($"/api/recruitment/rounds/{round.Id}/rules-document",
            Upload(Encoding.UTF8.GetBytes(content), "regulamin.pdf"), Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("PDF", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, await StoredAsync(round.Id));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_and_nothing_is_stored()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var large = new byte[RoundRulesDocument.DefaultMaxBytes + 1];
        Pdf.CopyTo(large, 0);

        var refused = await service.Operator().PutAsync($"/api/recruitment/rounds/{round.Id}/rules-document", Upload(large, "regulamin.pdf"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal(0, await StoredAsync(round.Id));
    }

    [Fact]
    public async Task Only_an_operator_attaches_rules_and_a_round_without_them_answers_not_found()
    {
        var round = await Applicants.OpenRoundAsync(service);

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await service.Client.PutAsync($"/api/recruitment/rounds/{round.Id}/rules-document", Upload(Pdf, "r.pdf"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync($"/api/recruitment/rounds/{round.Id}/rules-document", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await service.Operator().PutAsync($"/api/recruitment/rounds/{Guid.NewGuid()}/rules-document", Upload(Pdf, "r.pdf"), Ct)).StatusCode);
        Assert.Null((await service.Client.GetFromJsonAsync<RoundResponse>($"/api/recruitment/rounds/{round.Id}", Ct))!.RulesDocument);
    }
}
