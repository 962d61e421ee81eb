using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cro.Evaluation.Features.Consultation;

/// <summary>
/// The programme's documents (concept, training programmes, materials) in versions, their consultation with JST
/// representatives, workshops' participants and the partner association, ORE's decisions on every comment and
/// recommendation, and the public revision log beside each published version.
/// </summary>
public static class ConsultationsApi
{
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.TryAddSingleton<LinkTokens>();
        return services;
    }

    public static IEndpointRouteBuilder MapConsultationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluation").WithTags("Dokumenty i konsultacje / Documents and consultations");
        api.MapManageDocuments();
        api.MapPublishVersion();
        api.MapPublicDocuments();
        api.MapOpenDocumentConsultation();
        api.MapConsultationInvitations();
        api.MapParticipantConsultation();
        api.MapDecisions();
        app.MapPartnerConsultation();
        return app;
    }
}
