using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing.Conferences.Public;

/// <summary>What the registration form posts, bound as text (a field left blank or typed by hand is the API's to judge).</summary>
public sealed class RegistrationInput
{
    public string? FullName { get; set; }
    public string? Email { get; set; }
    public string? Sex { get; set; }

    /// <summary>The words to find a JST by; not sent, only searched.</summary>
    public string? JstQuery { get; set; }

    public string? JstTerc { get; set; }
    public string? InstitutionName { get; set; }
    public string? Role { get; set; }
    public List<string>? Needs { get; set; }
    public string? Diet { get; set; }
    public string? NeedsNote { get; set; }

    /// <summary>The consents ticked, by kind (processing, image, participant-list).</summary>
    public List<string>? Consents { get; set; }

    /// <summary>The version of the consents' text the form showed.</summary>
    public string? ConsentVersion { get; set; }

    public List<string>? SessionIds { get; set; }

    public ConferenceRegistrationRequest ToRequest() => new()
    {
        FullName = FullName?.Trim() ?? "", Email = Email?.Trim() ?? "", Sex = Sex ?? "", JstTerc = Blank(JstTerc), InstitutionName = Blank(InstitutionName),
        Role = Role?.Trim() ?? "", Needs = [.. (Needs ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct()], Diet = Blank(Diet), NeedsNote = Blank(NeedsNote),
        ConsentVersion = ConsentVersion ?? "", ConsentProcessing = Ticked("processing"), ConsentImage = Ticked("image"),
        ConsentParticipantList = Ticked("participant-list"),
        SessionIds = [.. (SessionIds ?? []).Select(id => Guid.TryParse(id, out var session) ? session : (Guid?)null).OfType<Guid>().Distinct()],
    };

    public bool Ticked(string consent) => Consents?.Contains(consent) == true;

    public bool Chose(Guid session) => SessionIds?.Contains(session.ToString()) == true;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
