namespace Cro.Notifications.Tests;

/// <summary>PersonErased: the person's stored mail loses address and content, and nothing more goes to them.</summary>
public sealed class ErasureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Erasure_pseudonymises_sent_mail_and_later_events_for_the_person_send_nothing()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var invitation = Events.Invitation();
        await service.Bus.Publish(invitation, Ct);
        await smtp.WaitForAsync(invitation.Email);
        await Eventually.GetAsync(() => service.StoredMailAsync(invitation.UserId), rows => rows is [{ Status: "sent" }]);

        await service.Bus.Publish(new PersonErased { UserId = invitation.UserId, ErasedAt = DateTimeOffset.UtcNow }, Ct);

        var erased = await Eventually.GetAsync(() => service.StoredMailAsync(invitation.UserId),
            rows => rows is [{ Recipient: var r }] && r.StartsWith("erased-"), what: "the mail pseudonymised");
        Assert.Equal($"erased-{invitation.UserId}@invalid", erased[0].Recipient);
        Assert.Equal(("", "", "", "sent"), (erased[0].Subject, erased[0].Html, erased[0].Text, erased[0].Status));

        // A reset for the erased person that was already on its way, then one for someone else.
        await service.Bus.Publish(Events.PasswordReset(invitation.UserId, invitation.Email), Ct);
        var otherId = Guid.CreateVersion7();
        var other = Events.PasswordReset(otherId, $"{otherId:N}@gmina.example.pl");
        await service.Bus.Publish(other, Ct);
        await smtp.WaitForAsync(other.Email);
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Single(smtp.ReceivedBy(invitation.Email));
        Assert.Single(await service.StoredMailAsync(invitation.UserId));
    }

    [Fact]
    public async Task Mail_still_waiting_when_the_person_is_erased_is_cancelled_and_never_sent()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port,
            new Dictionary<string, string?> { ["Mail:SenderEnabled"] = "false" });
        var invitation = Events.Invitation();
        await service.Bus.Publish(invitation, Ct);
        await Eventually.GetAsync(() => service.StoredMailAsync(invitation.UserId), rows => rows is [{ Status: "pending" }]);

        await service.Bus.Publish(new PersonErased { UserId = invitation.UserId, ErasedAt = DateTimeOffset.UtcNow }, Ct);

        var cancelled = await Eventually.GetAsync(() => service.StoredMailAsync(invitation.UserId),
            rows => rows is [{ Status: "cancelled" }], what: "the mail cancelled");
        Assert.Equal(($"erased-{invitation.UserId}@invalid", ""), (cancelled[0].Recipient, cancelled[0].Html));
        Assert.Equal(0, await service.Sender.SendBatchAsync(Ct));
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task Mail_sent_to_someone_without_an_account_a_draft_link_or_a_debate_confirmation_is_found_by_the_address_and_erased()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port);
        var draft = Events.ApplicationDraft();
        // The same person also registered for a debate, which needs no account.
        var debate = Events.DebateRegistration(DateTimeOffset.Parse("2027-03-28T16:00:00Z")) with { Email = draft.CoordinatorEmail };
        await service.Bus.Publish(draft, Ct);
        await service.Bus.Publish(debate, Ct);
        await Eventually.GetAsync(() => service.StoredMailToAsync(draft.CoordinatorEmail), rows => rows is [{ Status: "sent" }, { Status: "sent" }]);

        await service.Bus.Publish(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = draft.CoordinatorEmail.ToUpperInvariant() }, Ct);

        await Eventually.GetAsync(() => service.StoredMailToAsync(draft.CoordinatorEmail), rows => rows.Count == 0, what: "the address gone");
    }

    [Fact]
    public async Task An_erased_attendee_of_an_advisory_meeting_gets_no_reminder_and_their_address_is_gone_from_the_meeting()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port,
            new Dictionary<string, string?> { ["Notifications:AdvisoryReminders:SenderEnabled"] = "false" });
        var booked = MeetingEvents.Booked(MeetingEvents.DaysAhead(service.Clock.GetUtcNow(), 3));
        await AdvisoryMeetingMailTests.BookAsync(service, booked);
        var anna = booked.Attendees[1];
        await smtp.WaitForAsync(anna.Email);

        await service.Bus.Publish(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = anna.Email.ToUpperInvariant() }, Ct);

        var reminders = await Eventually.GetAsync(() => AdvisoryMeetingMailTests.RemindersAsync(service, booked.MeetingId),
            rows => rows.Count(r => r.Status == "cancelled") == 2, what: "her reminders called off");
        Assert.All(reminders.Where(r => r.Status == "cancelled"), r =>
        {
            Assert.Equal("recipient-erased", r.CancelReason);
            Assert.StartsWith("erased-", r.Recipient);
        });
        Assert.Equal(4, reminders.Count(r => r.Status == "pending"));
        Assert.DoesNotContain(reminders, r => r.Recipient == anna.Email);
        Assert.Empty(await service.QueryAsync<string>("SELECT email FROM advisory_meeting_attendees WHERE email = lower(@Email)", anna));
        Assert.Empty(await service.StoredMailToAsync(anna.Email));
        service.MoveClockTo(booked.StartsAt.AddHours(-24).AddSeconds(5));
        Assert.Equal(2, await service.Reminders.SendDueAsync(Ct));
    }
}
