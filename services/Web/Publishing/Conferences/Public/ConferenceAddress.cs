namespace Cro.Web.Publishing.Conferences.Public;

/// <summary>
/// The web's public addresses of conferences. The participant's page and the verification page are where publishing's mails
/// and certificates send people (its ConferenceLinks.PagePath and VerificationPath), so they must not move.
/// </summary>
public static class ConferenceAddress
{
    public const string List = "/konferencje";

    /// <summary>The participant's page without its token (publishing's ConferenceLinks.PagePath, with the leading slash).</summary>
    public const string RegistrationPrefix = "/konferencje/zgloszenie/";

    /// <summary>Public verification of attendance certificates (publishing's ConferenceLinks.VerificationPath).</summary>
    public const string Verification = "/konferencje/zaswiadczenia/weryfikacja";

    public static string Conference(Guid id) => $"/konferencje/{id}";

    /// <summary>The registration form on the conference's page (the full path: with &lt;base href="/"&gt; a bare fragment leads home).</summary>
    public static string RegistrationForm(Guid id) => $"/konferencje/{id}#zgloszenie";

    public static string Calendar(Guid id) => $"/konferencje/{id}/kalendarz.ics";

    public static string Registration(string token) => RegistrationPrefix + Uri.EscapeDataString(token);

    public static string Ticket(string token) => Registration(token) + "/bilet";

    public static string Certificate(string token) => Registration(token) + "/zaswiadczenie";

    public static string Data(string token) => Registration(token) + "/dane";

    public static string VerificationFor(string number) => $"{Verification}?numer={Uri.EscapeDataString(number)}";
}
