using System.Text.Json;
using Cro.Publishing.Features.Template;

namespace Cro.Publishing.Features.Practices;

/// <summary>
/// The catalogue's row of a published practice (published_practices): its public document and what the catalogue searches
/// and filters by, made from the version published and the JST in the registry. Written on publication, rewritten when
/// erasure changes a name in the version, deleted on unpublication.
/// </summary>
public static class CatalogueEntry
{
    private sealed record VersionRow(int Number, string Template, string Authors, string Files);

    /// <summary>Writes the entry of <paramref name="practiceId"/>'s version <paramref name="version"/>, first published at <paramref name="publishedAt"/>.</summary>
    public static async Task<PublishedPractice> WriteAsync(DataSession session, Guid practiceId, string terc, int version, DateTimeOffset publishedAt,
        DateTimeOffset updatedAt)
    {
        var row = await session.QuerySingleAsync<VersionRow>("""
            SELECT number, template::text AS template, authors::text AS authors, files::text AS files
            FROM practice_versions WHERE practice_id = @practiceId AND number = @version
            """, new { practiceId, version });
        var jst = await Registry.JstRegistry.FindAsync(session, terc)
            ?? throw new InvalidOperationException($"The JST {terc} of practice {practiceId} is not in the registry.");
        var template = JsonSerializer.Deserialize<PracticeTemplate>(row.Template, PracticeRow.Json)!;
        var authors = JsonSerializer.Deserialize<List<PracticeAuthor>>(row.Authors, PracticeRow.Json)!;
        var files = JsonSerializer.Deserialize<List<PracticeFileView>>(row.Files, PracticeRow.Json)!;
        PublishedFile Public(PracticeFileView f) =>
            new(f.Id, f.FileName, f.ContentType, f.SizeBytes, f.Description, f.AltText, PublishedFile.PathOf(practiceId, f.Id));
        var document = new PublishedPractice(practiceId, version, template.Title!, template.Summary ?? "",
            new PublishedJst(jst.Terc, jst.Name, jst.Kind, jst.VoivodeshipTerc, jst.VoivodeshipName), template.Topics ?? [], template.Problem ?? "",
            template.Solution ?? "", template.Steps ?? [], template.Effects ?? "", template.Evidence ?? [], template.PlanId, template.PlanActionIds ?? [],
            template.Costs ?? [], template.CostTotal(), template.Partners ?? [], template.Difficulties, template.ToRepeat, template.Contacts ?? [],
            template.PublishAuthorNames ? [.. authors.Select(a => a.FullName)] : [], Licences.Of(template.Licence),
            [.. files.Where(f => f.Kind == PracticeFileView.Attachment).Select(Public)], [.. files.Where(f => f.Kind == PracticeFileView.Photo).Select(Public)],
            publishedAt, updatedAt);
        await session.ExecuteAsync("""
            INSERT INTO published_practices (practice_id, version, jst_terc, jst_name, jst_kind, voivodeship_terc, title, summary, problem, solution,
                                             other_text, topics, licence, total_cost, published_at, updated_at, published_year, file_ids, document)
            VALUES (@practiceId, @version, @Terc, @Name, @Kind, @VoivodeshipTerc, @title, @summary, @problem, @solution,
                    @otherText, @topics, @licence, @totalCost, @publishedAt, @updatedAt, @year, @fileIds, @document::jsonb)
            ON CONFLICT (practice_id) DO UPDATE SET version = excluded.version, jst_name = excluded.jst_name, jst_kind = excluded.jst_kind,
                voivodeship_terc = excluded.voivodeship_terc, title = excluded.title, summary = excluded.summary, problem = excluded.problem,
                solution = excluded.solution, other_text = excluded.other_text, topics = excluded.topics, licence = excluded.licence,
                total_cost = excluded.total_cost, published_at = excluded.published_at, updated_at = excluded.updated_at,
                published_year = excluded.published_year, file_ids = excluded.file_ids, document = excluded.document
            """, new
        {
            practiceId, version, jst.Terc, jst.Name, jst.Kind, jst.VoivodeshipTerc, title = document.Title, summary = document.Summary,
            problem = document.Problem, solution = document.Solution, otherText = OtherText(document), topics = document.Topics.ToArray(),
            licence = document.Licence.Code, totalCost = document.TotalCost, publishedAt = publishedAt.ToUniversalTime(), updatedAt = updatedAt.ToUniversalTime(),
            year = WarsawTime.InWarsaw(publishedAt).Year, fileIds = files.Select(f => f.Id).ToArray(), document = PracticeRow.ToJson(document),
        });
        return document;
    }

    /// <summary>
    /// What the search finds at the lowest weight: how it was done, the effects and their evidence, costs, partners,
    /// difficulties, what repeating it takes, and the JST's name. Not the names of people.
    /// </summary>
    private static string OtherText(PublishedPractice p) => string.Join("\n", new[]
    {
        string.Join("\n", p.Steps.Select(s => $"{s.Title} {s.Description}")), p.Effects, string.Join("\n", p.Evidence.Select(e => $"{e.Description} {e.Unit}")),
        string.Join("\n", p.Costs.Select(c => c.Description)), string.Join("\n", p.Partners), p.Difficulties, p.ToRepeat, p.Jst.Name,
        string.Join("\n", p.Attachments.Concat(p.Photos).Select(f => $"{f.Description} {f.AltText}")),
    }.Where(part => !string.IsNullOrWhiteSpace(part)));

    public static Task DeleteAsync(DataSession session, Guid practiceId) =>
        session.ExecuteAsync("DELETE FROM published_practices WHERE practice_id = @practiceId", new { practiceId });
}
