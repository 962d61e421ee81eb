using Cro.Advisory.Features.Engagements;

namespace Cro.Advisory.Features.Meetings;

/// <summary>A meeting belongs inside its engagement's term, while the engagement is open.</summary>
internal static class MeetingTerm
{
    public static IResult? Refusal(EngagementRow engagement, DateTimeOffset start)
    {
        if (engagement.EndedAt is not null)
        {
            return Problems.Conflict("Doradztwo zakończone.", "The advisory has ended.",
                "Po zakończeniu doradztwa nie rezerwuje się spotkań.", "No meetings are booked after the advisory ended.");
        }
        if (start < WarsawTime.StartOf(engagement.StartsOn) || start >= WarsawTime.StartOf(engagement.EndsOn))
        {
            return Problems.Field("startsAt",
                $"Spotkanie musi się odbyć w okresie doradztwa ({engagement.StartsOn:yyyy-MM-dd} – {engagement.EndsOn:yyyy-MM-dd}).",
                $"The meeting must be within the advisory's term ({engagement.StartsOn:yyyy-MM-dd} – {engagement.EndsOn:yyyy-MM-dd}).");
        }
        return null;
    }
}
