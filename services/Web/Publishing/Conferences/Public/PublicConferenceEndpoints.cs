using System.Text.Json;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing.Conferences.Public;

/// <summary>
/// The conferences' addresses that are no pages, for anyone, relayed from publishing (<see cref="DownloadRelay"/>): a
/// conference as an iCalendar file; and through a participant's own link, their ticket's QR code, their attendance
/// certificate and everything held about them as a JSON file. Whatever comes through a link is personal: never cached.
/// </summary>
public static class PublicConferenceEndpoints
{
    public static IEndpointRouteBuilder MapPublicConferences(this IEndpointRouteBuilder app)
    {
        app.MapGet("/konferencje/{id:guid}/kalendarz.ics", async (Guid id, PublishingClient publishing, HttpContext context, CancellationToken ct) =>
            DownloadRelay.Relay(await publishing.CallAsync(c => c.ConferenceCalendarAsync(id, ct)), context, "konferencja.ics",
                ("Nie udało się pobrać konferencji do kalendarza.", "The conference could not be downloaded for a calendar.")))
            .AllowAnonymous();
        app.MapGet(ConferenceAddress.RegistrationPrefix + "{token}/bilet", async (string token, PublishingClient publishing, HttpContext context,
                CancellationToken ct) =>
            DownloadRelay.Relay(await publishing.CallAsync(c => c.ConferenceTicketAsync(token, ct)), context, "bilet-konferencja.png",
                ("Nie udało się pobrać biletu.", "The ticket could not be downloaded.")))
            .AllowAnonymous();
        app.MapGet(ConferenceAddress.RegistrationPrefix + "{token}/zaswiadczenie", async (string token, PublishingClient publishing, HttpContext context,
                CancellationToken ct) =>
            DownloadRelay.Relay(await publishing.CallAsync(c => c.MyConferenceCertificateAsync(token, ct)), context, "zaswiadczenie.pdf",
                ("Nie udało się pobrać zaświadczenia.", "The certificate could not be downloaded.")))
            .AllowAnonymous();
        app.MapGet(ConferenceAddress.RegistrationPrefix + "{token}/dane", DataAsync).AllowAnonymous();
        return app;
    }

    /// <summary>Everything publishing holds about the participant (RODO art. 15 and 20), as a file to keep.</summary>
    private static async Task<IResult> DataAsync(string token, PublishingClient publishing, HttpContext context, CancellationToken ct)
    {
        var export = await publishing.CallAsync(c => c.ExportMyConferenceDataAsync(token, ct));
        context.Response.Headers.CacheControl = "no-store";
        if (export.Value is not { } data)
        {
            return Results.Problem(statusCode: (int)export.Status, title: Text.Pick("Nie udało się pobrać danych.", "The data could not be downloaded."),
                detail: string.Join(" ", export.Errors.All));
        }
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"konferencja-moje-dane-{data.Id}.json\"";
        return Results.Text(JsonSerializer.Serialize(data, Indented), "application/json", System.Text.Encoding.UTF8);
    }

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };
}
