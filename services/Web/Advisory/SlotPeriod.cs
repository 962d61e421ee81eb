namespace Cro.Web.Advisory;

/// <summary>
/// The days whose free slots a booking or a move offers: two weeks from a day (today unless the page's "od" says later),
/// as Warsaw days, so paging moves by whole days whatever the clock change.
/// </summary>
public sealed record SlotPeriod(DateOnly From)
{
    public const int Days = 14;

    public static SlotPeriod For(DateOnly? from, DateOnly today) => new(from is { } day && day > today ? day : today);

    public DateOnly To => From.AddDays(Days);

    public DateTimeOffset Start => WarsawTime.StartOf(From);

    public DateTimeOffset End => WarsawTime.StartOf(To);

    /// <summary>The address of the same page for another period: "?od=2026-05-12".</summary>
    public static string Link(string path, DateOnly from) => $"{path}?od={from:yyyy-MM-dd}";
}
