using System.Diagnostics.Metrics;

namespace Cro.Notifications.Tests;

/// <summary>Delivery failures retry with back-off and never lose a mail; the same event never sends two.</summary>
public sealed class DeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Same_event_delivered_twice_sends_one_mail()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var invitation = Events.Invitation();
        var messageId = Guid.CreateVersion7();

        await service.Bus.Publish(invitation, context => context.MessageId = messageId, Ct);
        // The broker hands the event over again, as after a consumer crash before its ack.
        await service.Bus.Publish(invitation, context => context.MessageId = messageId, Ct);

        await smtp.WaitForAsync(invitation.Email);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Single(smtp.ReceivedBy(invitation.Email));
        var stored = Assert.Single(await service.StoredMailAsync(invitation.UserId));
        Assert.Equal(messageId, stored.MessageId);
    }

    [Fact]
    public async Task Application_events_delivered_twice_send_one_mail_each()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var draft = Events.ApplicationDraft();
        var (submitted, accepted, reserve, rejected, withdrew) = (Events.SubmittedApplication(), Events.AcceptedApplication(),
            Events.ApplicationOnReserve(), Events.RejectedApplication(), Events.Withdrawal());
        // Each mailed to its team's coordinator, under a message id of its own.
        var toCoordinators = new (object Event, TaskTeamMember To, Guid MessageId)[]
        {
            (submitted, submitted.Team.Single(member => member.IsCoordinator), Guid.CreateVersion7()),
            (accepted, accepted.Team.Single(member => member.IsCoordinator), Guid.CreateVersion7()),
            (reserve, reserve.Coordinator, Guid.CreateVersion7()),
            (rejected, rejected.Coordinator, Guid.CreateVersion7()),
            (withdrew, withdrew.Team.Single(member => member.IsCoordinator), Guid.CreateVersion7()),
        };
        var draftId = Guid.CreateVersion7();

        foreach (var _ in new[] { "first", "again" })
        {
            await service.Bus.Publish(draft, context => context.MessageId = draftId, Ct);
            foreach (var (message, _, messageId) in toCoordinators)
            {
                await service.Bus.Publish(message, context => context.MessageId = messageId, Ct);
            }
        }

        await smtp.WaitForAsync(draft.CoordinatorEmail);
        foreach (var (_, to, _) in toCoordinators)
        {
            await smtp.WaitForAsync(to.Email);
        }
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Equal(1 + toCoordinators.Length, smtp.Received.Count);
        Assert.Equal(draftId, Assert.Single(await service.StoredMailToAsync(draft.CoordinatorEmail)).MessageId);
        foreach (var (_, to, messageId) in toCoordinators)
        {
            Assert.Equal(messageId, Assert.Single(await service.StoredMailAsync(to.MemberId)).MessageId);
        }
    }

    [Fact]
    public async Task Mail_queued_while_the_SMTP_server_is_away_is_kept_and_sent_after_it_comes_back()
    {
        await using var smtp = new FakeSmtpServer();
        await using var line = new TcpProxy("127.0.0.1", smtp.Port);
        line.Start();
        await using var service = await NotificationsService.StartAsync(line.Port);
        var before = Events.Invitation();
        await service.Bus.Publish(before, Ct);
        await smtp.WaitForAsync(before.Email);

        line.Stop();
        var during = Events.Invitation();
        await service.Bus.Publish(during, Ct);

        var waiting = await Eventually.GetAsync(() => service.StoredMailAsync(during.UserId),
            rows => rows is [{ Attempts: >= 2 }], what: "two failed attempts");
        Assert.Equal("pending", waiting[0].Status);
        Assert.NotNull(waiting[0].LastError);
        Assert.Empty(smtp.ReceivedBy(during.Email));

        line.Start();
        Assert.Single(await smtp.WaitForAsync(during.Email));
        var sent = await Eventually.GetAsync(() => service.StoredMailAsync(during.UserId),
            rows => rows is [{ Status: "sent" }], what: "the mail marked sent");
        Assert.Null(sent[0].LastError);
    }

    [Fact]
    public async Task Mail_the_server_never_takes_is_marked_failed_after_the_last_attempt_and_counted()
    {
        long failed = 0;
        using var meter = new MeterListener();
        meter.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument is { Meter.Name: "cro.notifications", Name: "cro.mail.failed" })
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meter.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref failed, value));
        meter.Start();
        // Nothing listens on this port.
        await using var service = await NotificationsService.StartAsync(FakeSmtpServer.FreePort(),
            new Dictionary<string, string?> { ["Mail:MaxAttempts"] = "3" });
        var invitation = Events.Invitation();

        await service.Bus.Publish(invitation, Ct);

        var stored = await Eventually.GetAsync(() => service.StoredMailAsync(invitation.UserId),
            rows => rows is [{ Status: "failed" }], what: "the mail marked failed");
        Assert.Equal(3, stored[0].Attempts);
        Assert.False(string.IsNullOrEmpty(stored[0].LastError));
        Assert.True(Interlocked.Read(ref failed) >= 1);
    }

    [Fact]
    public async Task Mail_sent_again_after_a_crash_before_it_was_marked_carries_the_same_Message_Id()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port,
            new Dictionary<string, string?> { ["Mail:SenderEnabled"] = "false" });
        var invitation = Events.Invitation();
        await service.Bus.Publish(invitation, Ct);
        var stored = await Eventually.GetAsync(() => service.StoredMailAsync(invitation.UserId),
            rows => rows.Count == 1, what: "the mail queued");

        Assert.Equal(1, await service.Sender.SendBatchAsync(Ct));
        // The mark is lost, as if the sender died after the server's "250 OK" and before its commit.
        await service.ExecuteAsync("UPDATE outgoing_mail SET status = 'pending', sent_at = NULL");
        Assert.Equal(1, await service.Sender.SendBatchAsync(Ct));

        var copies = await smtp.WaitForAsync(invitation.Email, count: 2);
        Assert.All(copies, mail => Assert.Equal(service.Sender.MessageIdOf(stored[0].Id), mail.MessageId));
    }
}
