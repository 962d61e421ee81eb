using Cro.Publishing.Features.Catalogue;
using Cro.Publishing.Features.Practices;

namespace Cro.Publishing.Tests;

/// <summary>A published practice's files in the catalogue: its model documents and photos (with their alternative text) download for anyone, and only those of the version published.</summary>
public sealed class PublishedFileTests(PublishingService service) : IClassFixture<PublishingService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<SearchCatalogue.Result> SearchAsync(HttpClient client, string query) =>
        await Practices.ReadAsync<SearchCatalogue.Result>(await client.GetAsync($"/api/publishing/catalogue/practices?{query}", Ct));

    [Fact]
    public async Task A_published_practice_reads_with_its_files_and_only_the_published_files_download()
    {
        var team = await service.JstWithTeamAsync("1201022", "Nowy Wiśnicz", voivodeship: "małopolskie");
        var anna = service.As(team, team.Coordinator);
        var draft = await Practices.StartAsync(anna, Practices.Complete(title: "Regulamin wypożyczania sprzętu"));
        var files = $"/api/publishing/practices/{draft.Id}/files";
        var docx = Practices.Docx();
        var document = await Practices.ReadAsync<PracticeFileView>(await anna.PostAsync(files,
            Practices.Upload(docx, "regulamin.docx", "attachment", description: "Wzór regulaminu"), Ct), HttpStatusCode.Created);
        var photo = await Practices.ReadAsync<PracticeFileView>(await anna.PostAsync(files,
            Practices.Upload(Practices.Jpeg(), "wypozyczalnia.jpg", "photo", "Półka z laptopami w bibliotece szkolnej"), Ct), HttpStatusCode.Created);
        var removed = await Practices.ReadAsync<PracticeFileView>(await anna.PostAsync(files,
            Practices.Upload(Practices.Pdf(), "stary.pdf", "attachment"), Ct), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await anna.DeleteAsync($"{files}/{removed.Id}", Ct)).StatusCode);
        await Practices.PostAsync(anna, draft.Id, "submit");
        await Practices.PostAsync(service.Editor(), draft.Id, "approve");
        await Practices.PostAsync(service.Editor(), draft.Id, "publish");

        var published = await Practices.ReadAsync<PublishedPractice>(await service.Anonymous.GetAsync($"/api/publishing/catalogue/practices/{draft.Id}", Ct));
        var attachment = Assert.Single(published.Attachments);
        Assert.Equal(("regulamin.docx", "Wzór regulaminu"), (attachment.FileName, attachment.Description));
        Assert.Equal("Półka z laptopami w bibliotece szkolnej", Assert.Single(published.Photos).AltText);
        var download = await service.Anonymous.GetAsync(attachment.Path, Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(docx, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync(PublishedFile.PathOf(draft.Id, photo.Id), Ct)).StatusCode);
        // The file taken off before submission is no part of the version published: not for the public.
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync(PublishedFile.PathOf(draft.Id, removed.Id), Ct)).StatusCode);
        Assert.Equal(document.Id, attachment.Id);
        // A search finds it by its photo's description too (the lowest weight).
        Assert.Contains(draft.Id, (await SearchAsync(service.Anonymous, "q=laptopami%20w%20bibliotece")).Items.Select(i => i.Id));
    }
}
