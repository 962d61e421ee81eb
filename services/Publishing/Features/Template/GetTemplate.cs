namespace Cro.Publishing.Features.Template;

/// <summary>
/// GET /api/publishing/template — the fixed lists a practice's template and the catalogue's filters use: topics, licences
/// (and the default one), sources of funding and cost ranges, with the largest files taken. Anyone may read it.
/// </summary>
public static class GetTemplate
{
    /// <param name="DefaultLicence">The licence a practice has unless its author chooses another.</param>
    /// <param name="MaxAttachmentBytes">The largest model document (attachment) taken.</param>
    /// <param name="MaxPhotoBytes">The largest photo taken.</param>
    /// <param name="AttachmentTypes">The content types an attachment may have (recognised by content).</param>
    /// <param name="PhotoTypes">The content types a photo may have.</param>
    [OpenApiSchemaName("PracticeTemplateLists")]
    public sealed record TemplateLists(IReadOnlyList<Choice> Topics, IReadOnlyList<Licence> Licences, string DefaultLicence, IReadOnlyList<Choice> CostSources,
        IReadOnlyList<CostRange> CostRanges, long MaxAttachmentBytes, long MaxPhotoBytes, IReadOnlyList<string> AttachmentTypes, IReadOnlyList<string> PhotoTypes);

    public static RouteHandlerBuilder MapGetTemplate(this IEndpointRouteBuilder api, long maxAttachmentBytes, long maxPhotoBytes) => api
        .MapGet("/template", () => TypedResults.Ok(new TemplateLists(PracticeTopics.All, Licences.All, Licences.Default, CostSources.All, CostRanges.All,
            maxAttachmentBytes, maxPhotoBytes, [.. FileKind.ModelDocuments.Select(k => k.ContentType)], [.. FileKind.Photos.Select(k => k.ContentType)])))
        .WithName("GetPracticeTemplateLists")
        .WithSummary("Listy szablonu dobrej praktyki: tematy, licencje, źródła finansowania / The template's lists: topics, licences, sources of funding")
        .AllowAnonymous();
}
