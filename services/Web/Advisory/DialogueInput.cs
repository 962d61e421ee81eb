using System.Globalization;
using Cro.Web.Advisory.Api;

namespace Cro.Web.Advisory;

/// <summary>
/// A dialogue meeting or debate as its plan form posts it: every field a string, so what cannot be read gets a message of its
/// own beside its field (keyed as the API keys its own). The time is a Warsaw wall-clock time from a datetime-local field.
/// </summary>
public sealed class DialogueInput
{
    public string? Kind { get; set; } = DialogueKind.Dialogue;
    public string? Topic { get; set; }
    public string? StartsAt { get; set; }
    public string? Place { get; set; }
    public List<StakeholderCount>? Invited { get; set; }
    /// <summary>"true" when the box is ticked (a debate open to anyone's registration).</summary>
    public string? OpenRegistration { get; set; }
    public string? Capacity { get; set; }

    public bool IsOpen => OpenRegistration == "true";

    /// <summary>The request, or null with the reasons in <paramref name="errors"/>.</summary>
    public DialogueMeetingRequest? ToRequest(FormErrors errors)
    {
        var startsAt = WarsawTime.FromLocalInput(StartsAt);
        if (startsAt is null)
        {
            errors.Add("startsAt", Text.Pick("Podaj datę i godzinę rozpoczęcia (czas warszawski).", "Give the start date and time (Warsaw time)."));
        }
        int? capacity = null;
        if (IsOpen)
        {
            if (int.TryParse(Capacity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var places))
            {
                capacity = places;
            }
            else
            {
                errors.Add("capacity", Text.Pick("Liczba miejsc to liczba całkowita, np. 60.", "The number of places is a whole number, e.g. 60."));
            }
        }
        var invited = StakeholderCount.ToCounts(Invited, "invited", errors);
        return errors.Any
            ? null
            : new DialogueMeetingRequest
            {
                Kind = Kind ?? "", Topic = Topic?.Trim() ?? "", StartsAt = startsAt!.Value, Place = Place?.Trim() ?? "", Invited = invited,
                OpenRegistration = IsOpen, Capacity = capacity,
            };
    }
}
