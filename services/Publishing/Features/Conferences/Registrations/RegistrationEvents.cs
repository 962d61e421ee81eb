namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>The events a registration's changes announce (notifications mails the person; monitoring counts attendance).</summary>
public static class RegistrationEvents
{
    public static ConferenceRegistrationReceived Received(ConferenceRow c, Guid registrationId, string fullName, string email, int? waitlistPosition,
        DateTimeOffset confirmBy, Uri pageUrl, DateTimeOffset now) => new()
    {
        RegistrationId = registrationId, ConferenceId = c.Id, ConferenceTitle = c.Title, StartsAt = c.StartsAt, EndsAt = c.EndsAt, Place = c.Place,
        OnlineUrl = null, FullName = fullName, Email = email, OnWaitlist = waitlistPosition is not null, WaitlistPosition = waitlistPosition,
        ConfirmBy = confirmBy, PageUrl = pageUrl, RegisteredAt = now,
    };

    public static ConferenceRegistrationConfirmed Confirmed(ConferenceRow c, RegistrationRow r, bool fromWaitlist, Uri pageUrl, DateTimeOffset now) => new()
    {
        RegistrationId = r.Id, ConferenceId = c.Id, ConferenceTitle = c.Title, StartsAt = c.StartsAt, EndsAt = c.EndsAt, Place = c.Place,
        OnlineUrl = c.Online, FullName = r.FullName, Email = r.Email!, FromWaitlist = fromWaitlist, CalendarUid = c.CalendarUid, Sequence = c.Sequence,
        PageUrl = pageUrl, ConfirmedAt = now,
    };

    public static ConferencePlaceOffered Offered(ConferenceRow c, Guid registrationId, string fullName, string email, DateTimeOffset holdUntil, Uri pageUrl,
        DateTimeOffset now) => new()
    {
        RegistrationId = registrationId, ConferenceId = c.Id, ConferenceTitle = c.Title, StartsAt = c.StartsAt, EndsAt = c.EndsAt, Place = c.Place,
        OnlineUrl = null, FullName = fullName, Email = email, HoldUntil = holdUntil, PageUrl = pageUrl, OfferedAt = now,
    };

    public static ConferenceRegistrationEnded Ended(ConferenceRow c, RegistrationRow r, string reason, DateTimeOffset now) => new()
    {
        RegistrationId = r.Id, ConferenceId = c.Id, ConferenceTitle = c.Title, StartsAt = c.StartsAt, EndsAt = c.EndsAt, FullName = r.FullName,
        Email = r.Email!, Reason = reason, WasConfirmed = r.Status == RegistrationStatus.Confirmed, CalendarUid = c.CalendarUid, Sequence = c.Sequence,
        EndedAt = now,
    };
}
