using Microsoft.Extensions.Options;

namespace Cro.Training.Features.Materials;

public static class MaterialsApi
{
    public static IEndpointRouteBuilder MapMaterialsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training").WithTags("Materiały / Materials");
        api.MapAddMaterial();
        api.MapUploadFile(app.ServiceProvider.GetRequiredService<IOptions<MaterialsOptions>>().Value.MaxFileBytes);
        api.MapReadMaterials();
        api.MapChangeMaterial();
        api.MapPublicMaterials();
        return app;
    }
}
