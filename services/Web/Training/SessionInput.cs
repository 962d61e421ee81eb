using System.Globalization;
using Cro.Web.Training.Api;

namespace Cro.Web.Training;

/// <summary>
/// A session's form as posted: every field a string, so a wrong number or time gets a message of its own beside its
/// field (keyed as the API keys its own). Start and end are Warsaw wall-clock times as datetime-local fields post them;
/// they travel to the API as such, and the service refuses the hour that the clock change skips or repeats.
/// </summary>
public sealed class SessionInput
{
    public string? ModuleCode { get; set; }
    public string? StartsAt { get; set; }
    public string? EndsAt { get; set; }
    public string? Form { get; set; } = "stationary";
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public string? Capacity { get; set; } = "20";
    public string? Hours { get; set; }

    /// <summary>The form filled with a session as it is, for changing it.</summary>
    public static SessionInput From(SessionView session) => new()
    {
        ModuleCode = session.ModuleCode,
        StartsAt = WarsawTime.ToLocalInput(session.StartsAt),
        EndsAt = WarsawTime.ToLocalInput(session.EndsAt),
        Form = session.Form,
        Place = session.Place,
        OnlineUrl = session.OnlineUrl?.ToString(),
        Capacity = session.Capacity.ToString(CultureInfo.InvariantCulture),
        Hours = session.Hours.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>The request, or null with the reasons in <paramref name="errors"/>.</summary>
    public SessionRequest? ToRequest(FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(ModuleCode))
        {
            errors.Add("moduleCode", Text.Pick("Wybierz moduł.", "Choose the module."));
        }
        var startsAt = LocalTime(StartsAt);
        if (startsAt is null)
        {
            errors.Add("startsAt", Text.Pick("Podaj datę i godzinę rozpoczęcia.", "Give the start date and time."));
        }
        var endsAt = LocalTime(EndsAt);
        if (endsAt is null)
        {
            errors.Add("endsAt", Text.Pick("Podaj datę i godzinę zakończenia.", "Give the end date and time."));
        }
        if (!int.TryParse(Capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var capacity))
        {
            errors.Add("capacity", Text.Pick("Liczba miejsc to liczba całkowita, np. 25.", "The capacity is a whole number, e.g. 25."));
        }
        decimal? hours = null;
        if (!string.IsNullOrWhiteSpace(Hours))
        {
            if (Number(Hours) is { } parsed)
            {
                hours = parsed;
            }
            else
            {
                errors.Add("hours", Text.Pick("Liczba godzin to liczba, np. 3 albo 3,5.", "Hours are a number, e.g. 3 or 3.5."));
            }
        }
        return errors.Any
            ? null
            : new SessionRequest
            {
                ModuleCode = ModuleCode!, StartsAt = WallClock(startsAt!.Value), EndsAt = WallClock(endsAt!.Value), Form = Form ?? "", Place = Blank(Place),
                OnlineUrl = Blank(OnlineUrl), Capacity = capacity, Hours = (double?)hours,
            };
    }

    /// <summary>
    /// The clock reading as typed, carried in the contract's date-time: the training client sends only its clock part
    /// ("2026-05-12T10:00:00"), which the API reads as Warsaw's, so a time that Warsaw skips or repeats is the service's to judge.
    /// </summary>
    private static DateTimeOffset WallClock(DateTime local) => new(local, TimeSpan.Zero);

    /// <summary>"2026-05-12T10:00" as a time of unspecified kind, which the API reads as Warsaw's.</summary>
    private static DateTime? LocalTime(string? value) =>
        DateTime.TryParseExact(value?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var local)
            ? DateTime.SpecifyKind(local, DateTimeKind.Unspecified)
            : null;

    /// <summary>A decimal typed with a point (as number fields post it) or a comma (as people write it in Polish).</summary>
    public static decimal? Number(string? value) =>
        decimal.TryParse(value?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
