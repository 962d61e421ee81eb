namespace Cro.Monitoring.Features.Diagnosis.Picture;

/// <summary>What comes out of diagnoses: the JST picture (JSON and PDF), the answers' exports, ORE's progress and figures.</summary>
public static class PictureApi
{
    public static IEndpointRouteBuilder MapPictureApi(this IEndpointRouteBuilder api)
    {
        api.MapGetJstPicture();
        api.MapGetJstPicturePdf();
        api.MapExportAnswers();
        api.MapDiagnosisOverview();
        return api;
    }
}
