using System.Globalization;
using Cro.BuildingBlocks.Messaging;
using Cro.Notifications.Features.Delivery;
using Cro.Notifications.Features.Mail;

namespace Cro.Notifications.Features.Coordinators;

/// <summary>
/// The mail to a JST's coordinator about an implementation report not submitted by its due day: when it becomes overdue,
/// and a reminder each week after while it stays unsubmitted (monitoring decides when; see ReportReminderMailRequested).
/// </summary>
public static class ReportReminderMail
{
    public const string Kind = "report-overdue";
    public const string ReminderKind = "report-overdue-reminder";

    // Written out rather than taken from the pl-PL culture, as WarsawTime does, so the letter reads the same without ICU.
    private static readonly string[] MonthsGenitive =
    [
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
    ];

    private static string Day(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{day.Day} {MonthsGenitive[day.Month - 1]} {day.Year} r.");

    private static string Jst(ReportReminderMailRequested request) =>
        string.IsNullOrWhiteSpace(request.JstName) ? $"JST o kodzie TERC {request.JstTerc}" : request.JstName.Trim();

    public static string Subject(ReportReminderMailRequested request) => request.Reminder > 1
        ? Letter.Subject("Przypomnienie: sprawozdanie z wdrażania planu po terminie", Jst(request))
        : Letter.Subject("Sprawozdanie z wdrażania planu po terminie", Jst(request));

    public static RenderedMail Render(ReportReminderMailRequested request, string coordinatorName)
    {
        var days = request.DaysOverdue == 1 ? "1 dzień" : $"{request.DaysOverdue} dni";
        var reviewer = request.Phase == "post-project" ? "ORE" : "doradcy JST";
        return Letter.Render(request.Reminder > 1 ? ReminderKind : Kind, Subject(request), coordinatorName,
            $"Sprawozdanie z wdrażania lokalnego planu strategicznego cyfryzacji szkół ({Jst(request)}) za okres {request.Period.ToString(CultureInfo.InvariantCulture)} "
            + $"(od {Day(request.PeriodStart)} do {Day(request.PeriodEnd)}) należało przesłać do {Day(request.DueOn)} włącznie. Nie zostało jeszcze przesłane; "
            + $"jest po terminie {days}.",
            $"Zaloguj się na platformie Cyfrowy Rozwój Oświaty ({request.PlatformUrl.AbsoluteUri}), uzupełnij sprawozdanie – stan, postęp i wydatki każdego "
            + $"działania planu oraz wartości wskaźników celów – i prześlij je do oceny {reviewer}.",
            "Dopóki sprawozdanie nie zostanie przesłane, co tydzień wyślemy przypomnienie.");
    }
}

/// <summary>
/// Queues the mail about an overdue report for the JST's coordinator (<see cref="JstCoordinators"/>) in the inbox
/// transaction; <see cref="MailSender"/> delivers it. A JST whose coordinator is not known here (its acceptance not yet
/// applied) is retried, then left in the _error queue for an operator, rather than mailed to no one.
/// </summary>
public sealed class ReportReminderMailConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ReportReminderMailRequested>(dataSource)
{
    protected override async Task HandleAsync(ReportReminderMailRequested message, DataSession session)
    {
        var coordinator = await JstCoordinators.CurrentAsync(session, message.JstTerc)
            ?? throw new InvalidOperationException($"No coordinator of the JST {message.JstTerc} is known here to mail about report {message.ReportId}.");
        await session.EnqueueMailAsync(MessageId, coordinator.MemberId, coordinator.Email, ReportReminderMail.Render(message, coordinator.FullName));
    }
}
