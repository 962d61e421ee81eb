using Cro.Monitoring.Features.Diagnosis.Picture;
using Cro.Monitoring.Features.Schools;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>The diagnosis of a JST's schools: the instrument, diagnoses, questionnaires, school links.</summary>
public static class DiagnosisApi
{
    public static IServiceCollection AddDiagnosis(this IServiceCollection services) => services.AddSingleton<InstrumentStore>().AddSingleton<LinkTokens>()
        .AddSingleton<ISchoolRegisterObserver, SchoolRegisterQuestionnaires>();

    public static IEndpointRouteBuilder MapDiagnosisApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/monitoring").WithTags("Diagnoza / Diagnosis");
        api.MapGetInstrument();
        api.MapPublishInstrument();
        api.MapStartDiagnosis();
        api.MapListDiagnoses();
        api.MapGetDiagnosis();
        api.MapCloseCollection();
        api.MapTeamQuestionnaires();
        api.MapSchoolLinks();
        api.MapPublicQuestionnaire();
        api.MapExcuseSchool();
        api.MapRemindSchools();
        api.MapFindings();
        api.MapSubmitDiagnosis();
        api.MapReviewDiagnosis();
        api.MapPictureApi();
        return app;
    }
}
