using System.Security.Cryptography;
using System.Text;

namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// The secrets of a registration, all derived (<see cref="LinkTokens"/>, with the secret notifications shares) so none is
/// stored or sent anywhere in clear: the participant's own link (from the registration's id; notifications mails it), the
/// ticket's code in its QR (from the ticket's id; shown only through the link), and the key monitoring counts a person by
/// (from the address). The service keeps only the hashes of the first two.
/// </summary>
public sealed class ConferenceLinks(LinkTokens tokens, IConfiguration configuration)
{
    /// <summary>The web's page of a participant's registration, relative to the platform's public address; the token follows.</summary>
    public const string PagePath = "konferencje/zgloszenie/";

    /// <summary>Where a ticket's QR code leads: the web's check-in page for the staff at the door; the ticket's code follows.</summary>
    public const string TicketPath = "konferencje/bilet/";

    /// <summary>The web's public verification page of attendance certificates.</summary>
    public const string VerificationPath = "konferencje/zaswiadczenia/weryfikacja";

    /// <summary>Whether links can be issued (the secret is set): without them no one could confirm a registration.</summary>
    public bool CanIssue => tokens.CanDerive;

    public Uri PublicAddress => Cro.ServiceDefaults.PublicAddress.Of(configuration);

    /// <summary>The page a mail sends the participant to; notifications appends the token it derives from the registration's id.</summary>
    public Uri PageUrl => new(PublicAddress, PagePath);

    public string TokenOf(Guid registrationId) => tokens.Derive(registrationId);

    public byte[] TokenHashOf(Guid registrationId) => LinkTokens.Hash(TokenOf(registrationId))!;

    public string TicketCodeOf(Guid ticketId) => tokens.Derive(ticketId);

    public byte[] TicketHashOf(Guid ticketId) => LinkTokens.Hash(TicketCodeOf(ticketId))!;

    /// <summary>What the ticket's QR code says: the check-in page's address with the ticket's code.</summary>
    public string TicketContent(Guid ticketId) => new Uri(PublicAddress, TicketPath + TicketCodeOf(ticketId)).AbsoluteUri;

    /// <summary>
    /// The same for one address at every conference, and nothing anyone can turn back into the address without the
    /// secret: the keyed hash of the address's first 16 bytes of SHA-256 taken as an id.
    /// </summary>
    public string ParticipantKeyOf(string email) =>
        tokens.Derive(new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("conference-participant:" + email.Trim().ToLowerInvariant()))[..16]));

    public Uri VerificationUrl(string number) => new(PublicAddress, $"{VerificationPath}?numer={Uri.EscapeDataString(number)}");
}
