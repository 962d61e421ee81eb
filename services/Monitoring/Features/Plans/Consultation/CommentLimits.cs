using System.Diagnostics.Metrics;

namespace Cro.Monitoring.Features.Plans.Consultation;

/// <summary>
/// Abuse control of comments from people without accounts: within any hour, a consultation takes a limited number of
/// comments from one client address, through one personal invitation, and through its public link altogether
/// (<see cref="ConsultationOptions"/>); past a limit, 429 with Retry-After, and nothing is written.
/// <para>
/// Counted in the database over the comments themselves, not by ASP.NET Core's in-memory rate limiter: what is limited
/// is comments accepted (what fills the team's list and the public log), not requests; the service runs as several
/// replicas, and an in-memory window would be one per replica and start afresh at every restart; and the count is taken
/// with the consultation locked, so comments arriving at once cannot overshoot it. A refused request costs one query.
/// </para>
/// <para>
/// The client's address is <see cref="ClientAddress.Of"/>'s: the one the gateway puts in X-Forwarded-For.
/// </para>
/// </summary>
public static class CommentLimits
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private static readonly Meter Meter = new("cro.monitoring.consultations");
    private static readonly Counter<long> Received = Meter.CreateCounter<long>("cro.consultation.comments", "{comment}",
        "Comments received in plans' consultations.");
    private static readonly Counter<long> Limited = Meter.CreateCounter<long>("cro.consultation.comments_limited", "{request}",
        "Comments refused with 429 by the limits per address, per invitation or per public link.");

    private sealed record Counted(int ByLink, DateTimeOffset? FirstByLink, int ByAddress, DateTimeOffset? FirstByAddress);

    /// <summary>429 when one more comment would pass a limit; null when it may be taken. The consultation must be locked.</summary>
    public static async Task<IResult?> CheckAsync(DataSession session, HttpContext context, ConsultationOptions limits, Guid consultationId, Guid linkId,
        string linkKind, byte[] clientKey, DateTimeOffset now)
    {
        var counted = await session.QuerySingleAsync<Counted>("""
            SELECT count(*) FILTER (WHERE link_id = @linkId)::int AS by_link, min(created_at) FILTER (WHERE link_id = @linkId) AS first_by_link,
                   count(*) FILTER (WHERE client_key = @clientKey)::int AS by_address, min(created_at) FILTER (WHERE client_key = @clientKey) AS first_by_address
            FROM consultation_comments WHERE consultation_id = @consultationId AND created_at > @since
            """, new { consultationId, linkId, clientKey, since = (now - Window).ToUniversalTime() });
        var perLink = linkKind == ConsultationLinks.Personal ? limits.CommentsPerInvitationPerHour : limits.CommentsPerPublicLinkPerHour;
        var (pl, en, first) = counted.ByAddress >= limits.CommentsPerAddressPerHour
            ? ($"Z tego adresu sieciowego przyjęliśmy w ciągu godziny {counted.ByAddress} uwag — tyle, ile można.",
                $"{counted.ByAddress} comments came from this network address within an hour — as many as can be taken.", counted.FirstByAddress)
            : counted.ByLink >= perLink
                ? linkKind == ConsultationLinks.Personal
                    ? ($"Przez to zaproszenie przyjęliśmy w ciągu godziny {counted.ByLink} uwag — tyle, ile można.",
                        $"{counted.ByLink} comments came through this invitation within an hour — as many as can be taken.", counted.FirstByLink)
                    : ("Przez łącze publiczne tych konsultacji przyszło w ciągu godziny tyle uwag, ile można przyjąć.",
                        "As many comments as can be taken came through this consultation's public link within an hour.", counted.FirstByLink)
                : (null, null, (DateTimeOffset?)null);
        if (pl is null)
        {
            return null;
        }
        Limited.Add(1, new KeyValuePair<string, object?>("link_kind", linkKind));
        return Problems.TooManyRequests(context, (first ?? now) + Window - now, "Za dużo uwag w krótkim czasie.", "Too many comments in a short time.",
            pl, en!);
    }

    /// <summary>Counts a comment taken (after its commit).</summary>
    public static void CountReceived() => Received.Add(1);
}
