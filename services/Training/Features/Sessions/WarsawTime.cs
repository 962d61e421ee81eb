namespace Cro.Training.Features.Sessions;

/// <summary>
/// Sessions are entered and shown in Europe/Warsaw and stored as UTC instants. A local time that does not
/// exist (the hour skipped in spring) or exists twice (the hour repeated in autumn) is refused rather than
/// guessed: the operator picks another minute.
/// </summary>
public static class WarsawTime
{
    public const string ZoneId = "Europe/Warsaw";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static bool IsUnambiguous(DateTime local) =>
        !Zone.IsInvalidTime(local) && !Zone.IsAmbiguousTime(local);

    /// <summary>The instant of a Warsaw wall-clock time that <see cref="IsUnambiguous"/>.</summary>
    public static DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    /// <summary>The instant with Warsaw's offset at that moment (what the API shows: "2026-05-12T10:00:00+02:00").</summary>
    public static DateTimeOffset InWarsaw(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
