using System.Diagnostics.Metrics;

namespace Cro.Publishing.Features.Conferences;

/// <summary>What an operator watches of conference registration: registrations taken (to a place or the waitlist), offers, check-ins.</summary>
public static class ConferenceMetrics
{
    private static readonly Meter Meter = new("cro.publishing.conferences");

    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("cro.conference.registrations", "{registration}",
        "Conference registrations taken, by where they went (place, reservation, waitlist).");
    private static readonly Counter<long> Offers = Meter.CreateCounter<long>("cro.conference.offers", "{offer}",
        "Places freed at full conferences and offered to the next person on the waitlist.");
    private static readonly Counter<long> CheckIns = Meter.CreateCounter<long>("cro.conference.check_ins", "{check-in}",
        "Participants checked in at the door (first scan of a day).");

    public static void Registered(string to) => Registrations.Add(1, new KeyValuePair<string, object?>("to", to));

    public static void Offered(int count)
    {
        if (count > 0)
        {
            Offers.Add(count);
        }
    }

    public static void CheckedIn() => CheckIns.Add(1);
}
