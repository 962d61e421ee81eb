using Cro.Publishing.Features.Conferences.Attendance;
using Cro.Publishing.Features.Conferences.Registrations;
using Cro.Publishing.Features.Conferences.Reservations;

namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// Conferences for the exchange of experience between JST staff, with open registration (the seed's task 4): ORE manages
/// them; anyone reads the published ones and registers without an account; each participant manages their registration
/// through their own link; the staff at the door check participants in; ORE prepares for their needs, exports the
/// attendance list, and the certificates follow attendance.
/// </summary>
public static class ConferencesApi
{
    public static IServiceCollection AddConferences(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConferenceOptions>(configuration.GetSection(ConferenceOptions.Section));
        services.AddSingleton<LinkTokens>();
        services.AddSingleton<ConferenceLinks>();
        services.AddSingleton<ConferenceDeadlines>();
        services.AddHostedService(provider => provider.GetRequiredService<ConferenceDeadlines>());
        return services;
    }

    public static IEndpointRouteBuilder MapConferencesApi(this IEndpointRouteBuilder app)
    {
        var manage = app.MapGroup("/api/publishing").WithTags("Konferencje: zarządzanie / Conferences: management");
        manage.MapCreateConference();
        manage.MapUpdateConference();
        manage.MapPublishConference();
        manage.MapManageConferences();
        manage.MapListRegistrations();
        manage.MapJstReservations();
        manage.MapParticipantData();

        var door = app.MapGroup("/api/publishing").WithTags("Konferencje: obecność i zaświadczenia / Conferences: attendance and certificates");
        door.MapCheckIn();
        door.MapNeedsList();
        door.MapAttendanceExport();
        door.MapAttendanceCertificates();

        var anyone = app.MapGroup("/api/publishing").WithTags("Konferencje: publiczne / Conferences: public");
        anyone.MapPublicConferences();
        anyone.MapJstLookup();
        anyone.MapRegisterForConference();

        var participant = app.MapGroup("/api/publishing").WithTags("Konferencje: moje zgłoszenie / Conferences: my registration");
        participant.MapMyRegistration();
        participant.MapConfirmRegistration();
        participant.MapAnswerOffer();
        participant.MapChangeConsents();
        participant.MapChooseSessions();
        participant.MapCancelRegistration();
        participant.MapTicket();
        return app;
    }
}
