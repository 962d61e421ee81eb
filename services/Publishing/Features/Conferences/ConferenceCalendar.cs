using Cro.BuildingBlocks.Calendar;

namespace Cro.Publishing.Features.Conferences;

/// <summary>The conference as one calendar event, the same UID in a download and in every mail about it.</summary>
public static class ConferenceCalendar
{
    public static CalendarEntry Entry(ConferenceRow conference) =>
        new(conference.CalendarUid, conference.Sequence, conference.StartsAt, conference.EndsAt, conference.Title)
        {
            Location = conference.Place ?? "online",
            Description = conference.Description,
        };
}
