namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// The consents a conference registration asks for, in the words the form shows. <see cref="Version"/> names this wording:
/// a registration records the version its person saw, and a form showing an older one is refused (409), so no one consents
/// to words they did not read. Change the version whenever a text changes.
/// </summary>
public static class ConsentTexts
{
    public const string Version = "2026-12-07";

    public const string Processing = "processing";
    public const string Image = "image";
    public const string ParticipantList = "participant-list";

    public static readonly IReadOnlyList<string> Kinds = [Processing, Image, ParticipantList];

    /// <param name="Kind">processing (required to register), image or participant-list (optional; either may be withdrawn at any time).</param>
    [OpenApiSchemaName("ConferenceConsentText")]
    public sealed record ConsentText(string Kind, string Version, bool Required, string Text);

    public static IReadOnlyList<ConsentText> All =>
    [
        new(Processing, Version, true, Text.Pick(
            "Wyrażam zgodę na przetwarzanie moich danych osobowych podanych w formularzu przez Ośrodek Rozwoju Edukacji w celu rejestracji na konferencję, " +
            "udziału w niej, potwierdzenia obecności i wydania zaświadczenia. Zgodę mogę wycofać w każdej chwili przez swój link do zgłoszenia; " +
            "wycofanie anuluje zgłoszenie.",
            "I consent to the Centre for Education Development processing the personal data I give in this form to register me for the conference, " +
            "for my taking part, the record of my attendance and my certificate. I may withdraw it at any time through my registration's link; " +
            "withdrawing it cancels the registration.")),
        new(Image, Version, false, Text.Pick(
            "Wyrażam zgodę na utrwalenie mojego wizerunku na zdjęciach i nagraniach z konferencji oraz ich publikację w relacji z konferencji.",
            "I consent to my image being recorded in photographs and recordings of the conference and published in its report.")),
        new(ParticipantList, Version, false, Text.Pick(
            "Wyrażam zgodę na umieszczenie mojego imienia i nazwiska oraz instytucji na liście uczestników udostępnianej uczestnikom konferencji.",
            "I consent to my name and institution appearing on the list of participants given to the conference's participants.")),
    ];
}
