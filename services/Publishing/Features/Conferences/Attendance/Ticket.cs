using Cro.Publishing.Features.Conferences.Registrations;
using QRCoder;

namespace Cro.Publishing.Features.Conferences.Attendance;

/// <summary>
/// GET /api/publishing/public/conference-registrations/{token}/ticket — the participant's ticket for the door: a QR code
/// (PNG) of the check-in page's address with the ticket's code (<see cref="ConferenceLinks.TicketContent"/>), which the
/// staff scan on each day (<see cref="CheckIn"/>). Derived, not stored, so it is the same every time it is downloaded. With
/// a confirmed place only: 409 before (pending, waiting, offered), 410 once the registration ended.
/// </summary>
public static class Ticket
{
    public const string ContentType = "image/png";

    public static IEndpointRouteBuilder MapTicket(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/conference-registrations/{token}/ticket", HandleAsync)
            .WithName("ConferenceTicket").WithSummary("Bilet z kodem QR (PNG) / The ticket with its QR code (PNG)")
            .ProducesFile(ContentType).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> HandleAsync(string token, HttpContext context, DataSession session, ConferenceLinks links)
    {
        if (await ParticipantLink.FindAsync(session, token) is not { } registration)
        {
            return ParticipantLink.NotFound();
        }
        if (!RegistrationStatus.IsActive(registration.Status))
        {
            return ParticipantLink.Ended(registration);
        }
        if (registration.Status != RegistrationStatus.Confirmed)
        {
            return Problems.Conflict("Bilet jeszcze nie jest dostępny.", "The ticket is not available yet.",
                "Bilet dostaniesz, gdy Twoje miejsce będzie potwierdzone.", "You get the ticket once your place is confirmed.");
        }
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(QrPng(links.TicketContent(registration.TicketId)), ContentType, "bilet-konferencja.png");
    }

    /// <summary>The QR code of <paramref name="content"/>: error correction M (a creased printout still scans), 10 pixels a module.</summary>
    public static byte[] QrPng(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(10);
    }
}
