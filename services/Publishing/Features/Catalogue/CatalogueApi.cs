namespace Cro.Publishing.Features.Catalogue;

/// <summary>The public catalogue of published good practices: search with facets, a practice, its files. For anyone, signed in or not.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/publishing").WithTags("Katalog dobrych praktyk / Good practices catalogue");
        api.MapSearchCatalogue();
        api.MapGetPublishedPractice();
        return app;
    }
}
