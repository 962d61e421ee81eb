using Cro.Publishing.Features.Template;

namespace Cro.Publishing.Features.Practices;

/// <summary>
/// A practice as the public catalogue shows it: the published version's text, the JST, the files with their addresses,
/// and the authors' names only where they consented to it (contacts are published as given). No address of an author.
/// </summary>
/// <param name="Version">The version published.</param>
/// <param name="Topics">Codes of the topics (their names: GET /api/publishing/template).</param>
/// <param name="TotalCost">The sum of the costs, PLN.</param>
/// <param name="Authors">The authors' names, when they consented to their publication; otherwise empty.</param>
/// <param name="PublishedAt">When it was first published.</param>
/// <param name="UpdatedAt">When this version was published.</param>
[OpenApiSchemaName("PublishedPractice")]
public sealed record PublishedPractice(Guid Id, int Version, string Title, string Summary, PublishedJst Jst, IReadOnlyList<string> Topics, string Problem,
    string Solution, IReadOnlyList<PracticeStep> Steps, string Effects, IReadOnlyList<EffectEvidence> Evidence, Guid? PlanId, IReadOnlyList<Guid> PlanActionIds,
    IReadOnlyList<CostItem> Costs, decimal TotalCost, IReadOnlyList<string> Partners, string? Difficulties, string? ToRepeat,
    IReadOnlyList<PracticeContact> Contacts, IReadOnlyList<string> Authors, Licence Licence, IReadOnlyList<PublishedFile> Attachments,
    IReadOnlyList<PublishedFile> Photos, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt);

/// <param name="Kind">One of voivodeship, county, city-county, urban-municipality, rural-municipality, urban-rural-municipality.</param>
/// <param name="VoivodeshipTerc">The województwo's TERC code (2 digits).</param>
[OpenApiSchemaName("PublishedPracticeJst")]
public sealed record PublishedJst(string Terc, string Name, string Kind, string VoivodeshipTerc, string? VoivodeshipName);

/// <param name="Path">Where anyone downloads it, relative to the platform's address.</param>
/// <param name="AltText">What a photo shows; null for an attachment.</param>
[OpenApiSchemaName("PublishedPracticeFile")]
public sealed record PublishedFile(Guid Id, string FileName, string ContentType, long SizeBytes, string? Description, string? AltText, string Path)
{
    public static string PathOf(Guid practiceId, Guid fileId) => $"/api/publishing/catalogue/practices/{practiceId}/files/{fileId}";
}
