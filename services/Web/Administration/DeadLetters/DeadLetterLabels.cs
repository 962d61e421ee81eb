namespace Cro.Web.Administration.DeadLetters;

/// <summary>Where the dead-letter pages are, and how a queue is named on them.</summary>
public static class DeadLetterLabels
{
    public const string ListPath = "/administracja/bledne-komunikaty";

    public static string QueuePath(string queue) => $"{ListPath}/{Uri.EscapeDataString(queue)}";

    /// <summary>The service a queue belongs to: its name's prefix (queues are named {service}-{consumer}).</summary>
    public static string Service(string originalQueue) =>
        originalQueue.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 ? originalQueue[..dash] : originalQueue;

    /// <summary>"1 komunikat", "3 komunikaty", "5 komunikatów": the count in words of the page's language.</summary>
    public static string Messages(long count) => Text.Pick(
        $"{count} {(count == 1 ? "komunikat" : count % 10 is >= 2 and <= 4 && count % 100 is < 12 or > 14 ? "komunikaty" : "komunikatów")}",
        $"{count} {(count == 1 ? "message" : "messages")}");
}
