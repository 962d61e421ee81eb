using Cro.Notifications.Features.Coordinators;

namespace Cro.Notifications.Tests;

/// <summary>
/// Monitoring's request to mail a JST's coordinator about an overdue implementation report: the coordinator known here from
/// recruitment's events gets it once even when the event comes twice; a coordinator who replaced another gets the next
/// reminder; the coordinator's erasure forgets them.
/// </summary>
public sealed class ReportReminderMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ReportReminderMailRequested Request(string terc, int reminder, int daysOverdue, string phase = "project") => new()
    {
        ReportId = Guid.CreateVersion7(), PlanId = Guid.CreateVersion7(), JstTerc = terc, JstName = "Gmina Nowy Targ", Period = 1, Phase = phase,
        PeriodStart = new DateOnly(2026, 1, 31), PeriodEnd = new DateOnly(2026, 4, 29), DueOn = new DateOnly(2026, 5, 29), DaysOverdue = daysOverdue,
        Reminder = reminder, PlatformUrl = new Uri("https://cro.example.pl/"), RequestedAt = DateTimeOffset.UtcNow,
    };

    private static Task<IReadOnlyList<Guid>> CoordinatorsAsync(NotificationsService service, string terc) =>
        service.QueryAsync<Guid>("SELECT member_id FROM jst_coordinators WHERE jst_terc = @terc AND left_at IS NULL", new { terc });

    [Fact]
    public async Task The_JSTs_coordinator_is_mailed_once_per_request_and_a_coordinator_who_replaced_them_gets_the_next()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var accepted = Events.AcceptedApplication();
        var coordinator = accepted.Team.Single(m => m.IsCoordinator);
        await service.PublishTwiceAsync(accepted);
        await Eventually.GetAsync(() => CoordinatorsAsync(service, accepted.JstTerc), ids => ids.SequenceEqual([coordinator.MemberId]),
            what: "the coordinator known");

        await service.PublishTwiceAsync(Request(accepted.JstTerc, reminder: 1, daysOverdue: 1));

        var mails = await smtp.WaitForAsync(coordinator.Email, 2);
        var overdue = Assert.Single(mails, m => m.Subject == "Sprawozdanie z wdrażania planu po terminie — Gmina Nowy Targ");
        foreach (var part in new[] { WebUtility.HtmlDecode(Assert.IsType<string>(overdue.HtmlBody)), Assert.IsType<string>(overdue.TextBody) })
        {
            Assert.Contains("Dzień dobry, Anna Nowak!", part, StringComparison.Ordinal);
            Assert.Contains("za okres 1 (od 31 stycznia 2026 r. do 29 kwietnia 2026 r.) należało przesłać do 29 maja 2026 r. włącznie", part,
                StringComparison.Ordinal);
            Assert.Contains("jest po terminie 1 dzień", part, StringComparison.Ordinal);
            Assert.Contains("https://cro.example.pl/", part, StringComparison.Ordinal);
            Assert.Contains("do oceny doradcy JST", part, StringComparison.Ordinal);
        }

        // The coordinator leaves and another joins in their place: the weekly reminder (after the project: for ORE) goes to them.
        var successor = new TaskTeamMember
        {
            MemberId = Guid.CreateVersion7(), FullName = "Ewa Zając", Email = $"{Guid.NewGuid():N}@gmina.example.pl", Position = "sekretarz gminy",
            Sex = "woman", IsCoordinator = true,
        };
        await service.PublishTwiceAsync(new TeamMemberLeft
        {
            ApplicationId = accepted.ApplicationId, RoundId = accepted.RoundId, JstTerc = accepted.JstTerc, MemberId = coordinator.MemberId,
            Email = coordinator.Email, LeftAt = DateTimeOffset.UtcNow,
        });
        await service.PublishTwiceAsync(new TeamMemberJoined
        {
            ApplicationId = accepted.ApplicationId, RoundId = accepted.RoundId, JstTerc = accepted.JstTerc, JstName = accepted.JstName, Member = successor,
            JoinedAt = DateTimeOffset.UtcNow,
        });
        await Eventually.GetAsync(() => CoordinatorsAsync(service, accepted.JstTerc), ids => ids.SequenceEqual([successor.MemberId]),
            what: "the successor known");
        await service.PublishTwiceAsync(Request(accepted.JstTerc, reminder: 2, daysOverdue: 8, phase: "post-project"));

        var reminder = Assert.Single(await smtp.WaitForAsync(successor.Email));
        Assert.Equal("Przypomnienie: sprawozdanie z wdrażania planu po terminie — Gmina Nowy Targ", reminder.Subject);
        Assert.Contains("Dzień dobry, Ewa Zając!", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("jest po terminie 8 dni", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("do oceny ORE", reminder.TextBody, StringComparison.Ordinal);
        var stored = await Eventually.GetAsync(() => service.StoredMailAsync(successor.MemberId), rows => rows is [{ Status: "sent" }], what: "the reminder sent");
        Assert.Equal((ReportReminderMail.ReminderKind, successor.Email), (stored[0].Kind, stored[0].Recipient));
        Assert.Equal([ReportReminderMail.Kind], (await service.StoredMailAsync(coordinator.MemberId)).Select(m => m.Kind).Where(k => k.StartsWith("report", StringComparison.Ordinal)));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(2, smtp.ReceivedBy(coordinator.Email).Count);
        Assert.Single(smtp.ReceivedBy(successor.Email));

        // Erased, the successor is no longer the JST's coordinator here.
        await service.Bus.Publish(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = successor.Email }, Ct);
        await Eventually.GetAsync(() => service.QueryAsync<Guid>("SELECT member_id FROM jst_coordinators WHERE member_id = @MemberId", new { successor.MemberId }),
            ids => ids.Count == 0, what: "the successor forgotten");
    }
}
