using System.Globalization;
using Cro.Web.Publishing.Api;

namespace Cro.Web.Publishing.Conferences.Operator;

/// <summary>
/// A conference's form as posted: every field a string, so a wrong number or time gets a message of its own beside its field,
/// keyed as the API keys its own (<c>capacity</c>, <c>sessions[1].startsAt</c>). Times are Warsaw wall-clock times as
/// datetime-local fields post them, sent with Warsaw's offset on that date.
/// </summary>
public sealed class ConferenceInput
{
    /// <summary>Blank session rows under the agenda, for adding sessions without a script.</summary>
    public const int BlankSessions = 3;

    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public string? Capacity { get; set; }
    public string? RegistrationOpensAt { get; set; }
    public string? RegistrationClosesAt { get; set; }
    public string? OfferHoldHours { get; set; }
    public string? CertificateMinDays { get; set; }
    public List<AgendaRow> Sessions { get; set; } = [];

    /// <summary>The form filled with a conference as it is, with its sessions and blank rows for new ones.</summary>
    public static ConferenceInput From(Conference conference) => new()
    {
        Title = conference.Title,
        Description = conference.Description,
        StartsAt = WarsawTime.ToLocalInput(conference.StartsAt),
        EndsAt = WarsawTime.ToLocalInput(conference.EndsAt),
        Place = conference.Place,
        OnlineUrl = conference.OnlineUrl?.ToString(),
        Capacity = conference.Capacity.ToString(CultureInfo.InvariantCulture),
        RegistrationOpensAt = WarsawTime.ToLocalInput(conference.RegistrationOpensAt),
        RegistrationClosesAt = WarsawTime.ToLocalInput(conference.RegistrationClosesAt),
        OfferHoldHours = conference.OfferHoldHours.ToString(CultureInfo.InvariantCulture),
        CertificateMinDays = conference.CertificateMinDays.ToString(CultureInfo.InvariantCulture),
        Sessions = [.. conference.Sessions.OrderBy(s => s.Ordinal).Select(AgendaRow.From), .. Enumerable.Range(0, BlankSessions).Select(_ => new AgendaRow())],
    };

    /// <summary>The request, or null with the reasons in <paramref name="errors"/>. The agenda is sent only by the form that shows it.</summary>
    public ConferenceRequest? ToRequest(FormErrors errors, bool withAgenda)
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add("title", Text.Pick("Podaj tytuł konferencji.", "Give the conference's title."));
        }
        if (string.IsNullOrWhiteSpace(Description))
        {
            errors.Add("description", Text.Pick("Opisz konferencję.", "Describe the conference."));
        }
        var startsAt = Moment(StartsAt, "startsAt", errors, Text.Pick("Podaj datę i godzinę rozpoczęcia.", "Give the start date and time."));
        var endsAt = Moment(EndsAt, "endsAt", errors, Text.Pick("Podaj datę i godzinę zakończenia.", "Give the end date and time."));
        var opensAt = Moment(RegistrationOpensAt, "registrationOpensAt", errors,
            Text.Pick("Podaj datę i godzinę otwarcia zapisów.", "Give the date and time registration opens."));
        var closesAt = Moment(RegistrationClosesAt, "registrationClosesAt", errors,
            Text.Pick("Podaj datę i godzinę zamknięcia zapisów.", "Give the date and time registration closes."));
        var capacity = Whole(Capacity, "capacity", errors, optional: false);
        var hold = Whole(OfferHoldHours, "offerHoldHours", errors, optional: true);
        var minDays = Whole(CertificateMinDays, "certificateMinDays", errors, optional: true);
        var sessions = withAgenda ? AgendaRow.Read(Sessions, errors) : null;
        return errors.Any
            ? null
            : new ConferenceRequest
            {
                Title = Title!.Trim(), Description = Description!.Trim(), StartsAt = startsAt!.Value, EndsAt = endsAt!.Value, Place = Blank(Place),
                OnlineUrl = Blank(OnlineUrl), Capacity = capacity!.Value, RegistrationOpensAt = opensAt!.Value, RegistrationClosesAt = closesAt!.Value,
                OfferHoldHours = hold, CertificateMinDays = minDays, Sessions = sessions,
            };
    }

    /// <summary>A Warsaw wall-clock time as typed; a message under <paramref name="key"/> when missing or not a time Warsaw has.</summary>
    public static DateTimeOffset? Moment(string? value, string key, FormErrors errors, string missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(key, missing);
            return null;
        }
        var at = WarsawTime.FromLocalInput(value);
        if (at is null)
        {
            errors.Add(key, Text.Pick("Tej chwili nie ma w czasie warszawskim (zmiana czasu) albo zapis jest nieprawidłowy. Podaj inną godzinę.",
                "This moment does not exist in Warsaw time (a change of clocks) or is written wrongly. Give another time."));
        }
        return at;
    }

    /// <summary>A whole number as typed; null for a blank optional field, and a message under <paramref name="key"/> for anything else that is not one.</summary>
    public static int? Whole(string? value, string key, FormErrors errors, bool optional)
    {
        if (optional && string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors.Add(key, Text.Pick("Podaj liczbę całkowitą, np. 120.", "Give a whole number, e.g. 120."));
        return null;
    }

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>
/// One session row of the agenda form: an existing session carries its id (so the participants who chose it keep their seats)
/// and may be ticked for removal; a blank row is left out. Speakers are typed one a line, "name; affiliation".
/// </summary>
public sealed class AgendaRow
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Room { get; set; }
    public string? Capacity { get; set; }
    public string? Speakers { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Id) && new[] { Title, Description, StartsAt, EndsAt, Room, Capacity, Speakers }.All(string.IsNullOrWhiteSpace);

    /// <summary>Whether the row goes to the API: neither blank nor ticked for removal.</summary>
    public bool IsSent => !IsBlank && !Remove;

    public static AgendaRow From(ConferenceSession session) => new()
    {
        Id = session.Id.ToString(),
        Title = session.Title,
        Description = session.Description,
        StartsAt = WarsawTime.ToLocalInput(session.StartsAt),
        EndsAt = WarsawTime.ToLocalInput(session.EndsAt),
        Room = session.Room,
        Capacity = session.Capacity?.ToString(CultureInfo.InvariantCulture),
        Speakers = string.Join("\n", session.Speakers.Select(s => s.Affiliation is null ? s.FullName : $"{s.FullName}; {s.Affiliation}")),
    };

    /// <summary>The agenda the rows make, in order (blank and removed rows left out); errors keyed by the index in that list, as the API keys them.</summary>
    public static List<ConferenceSessionRequest> Read(IReadOnlyList<AgendaRow>? rows, FormErrors errors)
    {
        var sessions = new List<ConferenceSessionRequest>();
        foreach (var row in (rows ?? []).Where(r => r.IsSent))
        {
            var key = $"sessions[{sessions.Count}].";
            Guid? id = null;
            if (!string.IsNullOrWhiteSpace(row.Id))
            {
                if (Guid.TryParse(row.Id, out var parsed))
                {
                    id = parsed;
                }
                else
                {
                    errors.Add(key + "id", Text.Pick("Nieznana sesja.", "Unknown session."));
                }
            }
            if (string.IsNullOrWhiteSpace(row.Title))
            {
                errors.Add(key + "title", Text.Pick("Podaj tytuł sesji.", "Give the session's title."));
            }
            var startsAt = ConferenceInput.Moment(row.StartsAt, key + "startsAt", errors,
                Text.Pick("Podaj datę i godzinę rozpoczęcia sesji.", "Give the session's start date and time."));
            var endsAt = ConferenceInput.Moment(row.EndsAt, key + "endsAt", errors,
                Text.Pick("Podaj datę i godzinę zakończenia sesji.", "Give the session's end date and time."));
            var capacity = ConferenceInput.Whole(row.Capacity, key + "capacity", errors, optional: true);
            sessions.Add(new ConferenceSessionRequest
            {
                Id = id, Title = row.Title?.Trim() ?? "", Description = ConferenceInput.Blank(row.Description),
                StartsAt = startsAt ?? default, EndsAt = endsAt ?? default, Room = ConferenceInput.Blank(row.Room), Capacity = capacity,
                Speakers = SpeakerList(row.Speakers),
            });
        }
        return sessions;
    }

    /// <summary>"Anna Nowak; Uniwersytet Warszawski" a line: the name, then after a semicolon the affiliation, if any.</summary>
    public static List<ConferenceSpeakerRequest> SpeakerList(string? text) =>
    [
        .. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(';', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new ConferenceSpeakerRequest { FullName = parts[0], Affiliation = parts.Length > 1 ? ConferenceInput.Blank(parts[1]) : null }),
    ];
}
