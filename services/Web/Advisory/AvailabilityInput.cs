using System.Globalization;
using Cro.Web.Advisory.Api;

namespace Cro.Web.Advisory;

/// <summary>
/// An advisor's week as the availability form posts it: stretches of a weekday in Warsaw time with their form, and the
/// numbers that govern booking (meeting length, buffers, notice, horizon), every one a string so what cannot be read gets a
/// message beside its field, keyed as the API keys its own. A stretch left without times is no stretch (that is how one is
/// removed); the form always offers <see cref="BlankRows"/> empty ones to add.
/// </summary>
public sealed class AvailabilityInput
{
    public const int BlankRows = 3;

    public List<RuleInput>? Rules { get; set; }
    public string? MeetingMinutes { get; set; }
    public string? BufferBeforeMinutes { get; set; }
    public string? BufferAfterMinutes { get; set; }
    public string? MinNoticeHours { get; set; }
    public string? HorizonDays { get; set; }
    public string? OnlineLink { get; set; }
    public string? Address { get; set; }

    public sealed class RuleInput
    {
        public string? Weekday { get; set; } = "1";
        public string? StartsAt { get; set; }
        public string? EndsAt { get; set; }
        public string? Mode { get; set; } = MeetingMode.Online;
    }

    /// <summary>The form filled with the advisor's week as it is, and empty rows to add stretches.</summary>
    public static AvailabilityInput From(WeeklyAvailability week) => new()
    {
        Rules =
        [
            .. week.Rules.OrderBy(r => r.Weekday).ThenBy(r => r.StartsAt).Select(r => new RuleInput
            {
                Weekday = r.Weekday.ToString(CultureInfo.InvariantCulture), StartsAt = Clock(r.StartsAt), EndsAt = Clock(r.EndsAt), Mode = r.Mode,
            }),
        ],
        MeetingMinutes = Number(week.MeetingMinutes),
        BufferBeforeMinutes = Number(week.BufferBeforeMinutes),
        BufferAfterMinutes = Number(week.BufferAfterMinutes),
        MinNoticeHours = Number(week.MinNoticeHours),
        HorizonDays = Number(week.HorizonDays),
        OnlineLink = week.OnlineLink,
        Address = week.Address,
    };

    /// <summary>The rows the form shows: the stretches as they are (or as posted), then empty ones up to <see cref="BlankRows"/>.</summary>
    public IReadOnlyList<RuleInput> Rows
    {
        get
        {
            var rows = Rules ?? [];
            var blankAtEnd = rows.AsEnumerable().Reverse().TakeWhile(IsBlank).Count();
            return [.. rows, .. Enumerable.Range(0, Math.Max(0, BlankRows - blankAtEnd)).Select(_ => new RuleInput())];
        }
    }

    /// <summary>The request, or null with the reasons in <paramref name="errors"/>.</summary>
    public AvailabilityRequest? ToRequest(FormErrors errors)
    {
        var rules = new List<AvailabilityRule>();
        var rows = Rules ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (IsBlank(row))
            {
                continue;
            }
            var starts = Time(row.StartsAt);
            var ends = Time(row.EndsAt);
            if (starts is null || ends is null || !int.TryParse(row.Weekday, NumberStyles.None, CultureInfo.InvariantCulture, out var weekday))
            {
                errors.Add($"rules[{i}]", Text.Pick($"Przedział {i + 1}: podaj godzinę początku i końca, np. 9:00 i 13:00.",
                    $"Stretch {i + 1}: give its start and end time, e.g. 9:00 and 13:00."));
                continue;
            }
            rules.Add(new AvailabilityRule { Weekday = weekday, StartsAt = starts.Value, EndsAt = ends.Value, Mode = row.Mode ?? "" });
        }
        var request = new AvailabilityRequest
        {
            Rules = rules,
            MeetingMinutes = Whole(MeetingMinutes, "meetingMinutes", errors),
            BufferBeforeMinutes = Whole(BufferBeforeMinutes, "bufferBeforeMinutes", errors),
            BufferAfterMinutes = Whole(BufferAfterMinutes, "bufferAfterMinutes", errors),
            MinNoticeHours = Whole(MinNoticeHours, "minNoticeHours", errors),
            HorizonDays = Whole(HorizonDays, "horizonDays", errors),
            OnlineLink = OptionalText.Of(OnlineLink),
            Address = OptionalText.Of(Address),
        };
        return errors.Any ? null : request;
    }

    private static bool IsBlank(RuleInput row) => string.IsNullOrWhiteSpace(row.StartsAt) && string.IsNullOrWhiteSpace(row.EndsAt);

    private static int Whole(string? value, string key, FormErrors errors)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors.Add(key, Text.Pick("Podaj liczbę całkowitą, np. 15.", "Give a whole number, e.g. 15."));
        return 0;
    }

    /// <summary>"09:00" as a time field posts it.</summary>
    private static TimeSpan? Time(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToTimeSpan()
            : null;

    private static string Clock(TimeSpan time) => TimeOnly.FromTimeSpan(time).ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
