using System.Net.Http.Json;
using Cro.ServiceDefaults.Security;
using Cro.Notifications.Features.AdvisoryMeetings;
using static Cro.Notifications.Tests.AdvisoryMeetingMailTests;

namespace Cro.Notifications.Tests;

/// <summary>
/// Reminders of advisory meetings: planned 24 h and 1 h before in real time, sent exactly once through the mail queue
/// whatever crashes or repeats, given up on visibly when the mail server never takes them, and shown to the meeting's parties.
/// </summary>
public sealed class AdvisoryReminderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The reminder sender off: the test runs its batches by hand, as one replica or several.</summary>
    private static readonly Dictionary<string, string?> ByHand = new() { ["Notifications:AdvisoryReminders:SenderEnabled"] = "false" };

    private static bool IsReminder(MimeKit.MimeMessage mail) => mail.Subject!.StartsWith("Przypomnienie: ", StringComparison.Ordinal);

    [Fact]
    public async Task A_booking_plans_a_reminder_per_attendee_24_h_and_1_h_before_and_one_already_due_is_cancelled()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port, ByHand);
        // Whole seconds, as the database keeps microseconds.
        var now = service.Clock.GetUtcNow();
        var soon = MeetingEvents.Booked(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddHours(3));

        await service.PublishTwiceAsync(soon);

        var reminders = await Eventually.GetAsync(() => RemindersAsync(service, soon.MeetingId), rows => rows.Count == 6, what: "the reminders");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(6, (await RemindersAsync(service, soon.MeetingId)).Count);
        foreach (var person in soon.Attendees)
        {
            var theirs = reminders.Where(r => r.Recipient == person.Email).ToList();
            Assert.Equal([TimeSpan.FromHours(24), TimeSpan.FromHours(1)], theirs.Select(r => r.LeadTime).OrderDescending());
            Assert.All(theirs, r => Assert.Equal(soon.StartsAt - r.LeadTime, r.DueAt));
            // A day before a meeting three hours away is past: kept, as cancelled, so the state says what happened.
            Assert.Equal(("cancelled", "past-due"), theirs.Where(r => r.LeadTime == TimeSpan.FromHours(24)).Select(r => (r.Status, r.CancelReason)).Single());
            Assert.Equal("pending", theirs.Single(r => r.LeadTime == TimeSpan.FromHours(1)).Status);
        }
    }

    [Fact]
    public async Task A_due_reminder_goes_exactly_once_though_a_replica_crashed_after_claiming_it_and_replicas_run_side_by_side()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port, ByHand);
        var booked = MeetingEvents.Booked(MeetingEvents.DaysAhead(service.Clock.GetUtcNow(), 3));
        await service.PublishTwiceAsync(booked);
        await Eventually.GetAsync(() => RemindersAsync(service, booked.MeetingId), rows => rows.Count == 6, what: "the reminders");
        service.MoveClockTo(booked.StartsAt.AddHours(-24).AddSeconds(5));

        await using (var crashed = await service.Database.OpenConnectionAsync(Ct))
        {
            // Another replica claims the due reminders as the sender does, queues one's mail, then dies before committing.
            await using var transaction = await crashed.BeginTransactionAsync(Ct);
            await using var claim = new Npgsql.NpgsqlCommand("""
                SELECT id FROM scheduled_reminders WHERE status = 'pending' AND next_attempt_at <= @now FOR UPDATE SKIP LOCKED;
                UPDATE scheduled_reminders SET status = 'queued' WHERE status = 'pending' AND next_attempt_at <= @now;
                """, crashed, transaction);
            claim.Parameters.AddWithValue("now", service.Clock.GetUtcNow().UtcDateTime);
            await claim.ExecuteNonQueryAsync(Ct);

            // While it holds them, this replica finds nothing to take.
            Assert.Equal(0, await service.Reminders.SendDueAsync(Ct));
        }

        Assert.Equal(3, await service.Reminders.SendDueAsync(Ct));
        Assert.Equal(0, await service.Reminders.SendDueAsync(Ct));
        service.MoveClockTo(booked.StartsAt.AddHours(-1).AddSeconds(5));
        var claimed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => service.Reminders.SendDueAsync(Ct)));
        Assert.Equal(3, claimed.Sum());

        foreach (var person in booked.Attendees)
        {
            await smtp.WaitForAsync(person.Email, count: 3);
        }
        var reminders = await Eventually.GetAsync(() => RemindersAsync(service, booked.MeetingId), rows => rows.All(r => r.Status == "sent"),
            what: "every reminder sent");
        Assert.All(reminders, r => Assert.Equal((1, null), (r.Attempts, r.LastError)));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        foreach (var person in booked.Attendees)
        {
            var received = smtp.ReceivedBy(person.Email).Where(IsReminder).ToList();
            Assert.Equal(2, received.Count);
            Assert.Contains(received, m => m.TextBody!.Contains("zaczyna się za 24 godz.", StringComparison.Ordinal));
            Assert.Contains(received, m => m.TextBody!.Contains("zaczyna się za 1 godz.", StringComparison.Ordinal));
        }
        Assert.Equal(6, (await service.QueryAsync<Guid>("SELECT id FROM outgoing_mail WHERE kind = @kind", new { kind = AdvisoryMeetingMail.ReminderKind })).Count);
    }

    [Fact]
    public async Task A_reminder_the_mail_server_keeps_refusing_ends_as_failed_and_ORE_sees_it()
    {
        // Nothing listens on this port.
        await using var service = await NotificationsService.StartAsync(FakeSmtpServer.FreePort(),
            new Dictionary<string, string?> { ["Mail:MaxAttempts"] = "3" });
        var booked = MeetingEvents.Booked(MeetingEvents.DaysAhead(service.Clock.GetUtcNow(), 3));
        await BookAsync(service, booked);

        service.MoveClockTo(booked.StartsAt.AddHours(-24).AddSeconds(5));

        var reminders = await Eventually.GetAsync(() => RemindersAsync(service, booked.MeetingId),
            rows => rows.Count(r => r.Status == "failed") == 3, within: TimeSpan.FromSeconds(60), what: "the day-before reminders failed");
        Assert.All(reminders.Where(r => r.Status == "failed"), r =>
        {
            Assert.Equal(TimeSpan.FromHours(24), r.LeadTime);
            Assert.Equal(3, r.Attempts);
            Assert.False(string.IsNullOrEmpty(r.LastError));
        });
        Assert.All(reminders.Where(r => r.LeadTime == TimeSpan.FromHours(1)), r => Assert.Equal("pending", r.Status));

        var operatorClient = service.CreateClient(TestTokens.Person(Guid.CreateVersion7(), ["operator"], email: "ore@ore.example.pl"));
        var failed = (await operatorClient.GetFromJsonAsync<FailedReminders.FailedRemindersResponse>("/api/notifications/advisory-reminders/failed", Ct))!;
        Assert.Equal(3, failed.Items.Count(i => i.MeetingId == booked.MeetingId));
        Assert.All(failed.Items, i => Assert.Equal(("failed", 3, 1440), (i.Reminder.Status, i.Reminder.Attempts, i.Reminder.MinutesBefore)));
        var firstPage = (await operatorClient.GetFromJsonAsync<FailedReminders.FailedRemindersResponse>(
            "/api/notifications/advisory-reminders/failed?limit=2", Ct))!;
        var secondPage = (await operatorClient.GetFromJsonAsync<FailedReminders.FailedRemindersResponse>(
            $"/api/notifications/advisory-reminders/failed?limit=2&cursor={firstPage.NextCursor}", Ct))!;
        Assert.Equal(failed.Items.Select(i => i.Reminder.Id), firstPage.Items.Concat(secondPage.Items).Select(i => i.Reminder.Id));
        Assert.Null(secondPage.NextCursor);
    }

    [Fact]
    public async Task ORE_sends_a_failed_reminder_again_once_the_mail_server_is_back_and_it_goes_once()
    {
        var port = FakeSmtpServer.FreePort();
        await using var service = await NotificationsService.StartAsync(port, new Dictionary<string, string?> { ["Mail:MaxAttempts"] = "1" });
        var booked = MeetingEvents.Booked(MeetingEvents.DaysAhead(service.Clock.GetUtcNow(), 3));
        await BookAsync(service, booked);
        service.MoveClockTo(booked.StartsAt.AddHours(-24).AddSeconds(5));
        var failed = await Eventually.GetAsync(() => RemindersAsync(service, booked.MeetingId),
            rows => rows.Count(r => r.Status == "failed") == 3, within: TimeSpan.FromSeconds(60), what: "the day-before reminders failed");
        var anna = booked.Attendees.Single(a => a.FullName == "Anna Nowak");
        var annas = failed.Single(r => r.Status == "failed" && r.Recipient == anna.Email);
        var path = $"/api/notifications/advisory-reminders/{annas.Id}/retry";

        // Only ORE sends again; a team member of the meeting may not, and an unknown reminder is 404.
        using var member = service.CreateClient(TestTokens.Person(anna.MemberId!.Value, [Roles.JstMember], jst: booked.JstTerc, email: anna.Email));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync(path, null, Ct)).StatusCode);
        using var ore = service.CreateClient(TestTokens.Person(Guid.CreateVersion7(), [Roles.Operator], email: "ore@ore.example.pl"));
        Assert.Equal(HttpStatusCode.NotFound, (await ore.PostAsync($"/api/notifications/advisory-reminders/{Guid.CreateVersion7()}/retry", null, Ct)).StatusCode);

        await using var smtp = new FakeSmtpServer(port);
        using var retried = await ore.PostAsync(path, null, Ct);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("queued", (await retried.Content.ReadFromJsonAsync<MeetingReminders.ReminderView>(Ct))!.Status);
        var received = await smtp.WaitForAsync(anna.Email);
        Assert.True(IsReminder(Assert.Single(received)));
        await Eventually.GetAsync(() => RemindersAsync(service, booked.MeetingId),
            rows => rows.Single(r => r.Id == annas.Id).Status == "sent", what: "the reminder sent");

        // Sent now: a second retry is refused and sends nothing; the others stay failed until ORE sends them.
        using var again = await ore.PostAsync(path, null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(smtp.Received);
        Assert.Equal(2, (await RemindersAsync(service, booked.MeetingId)).Count(r => r.Status == "failed"));
    }

    [Fact]
    public async Task A_reminder_that_cannot_be_handed_to_the_mail_queue_is_retried_with_back_off_then_marked_failed()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port,
            new Dictionary<string, string?>(ByHand) { ["Mail:MaxAttempts"] = "3", ["Mail:FirstRetryDelay"] = "00:00:02" });
        var booked = MeetingEvents.Booked(MeetingEvents.DaysAhead(service.Clock.GetUtcNow(), 3));
        await BookAsync(service, booked);
        // The mail queue refuses reminders (as a database error would), and nothing else.
        await service.ExecuteAsOwnerAsync("""
            CREATE FUNCTION refuse_reminders() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'mail queue refuses'; END $$;
            CREATE TRIGGER refuse_reminders BEFORE INSERT ON outgoing_mail FOR EACH ROW
                WHEN (NEW.kind = 'advisory-meeting-reminder') EXECUTE FUNCTION refuse_reminders();
            """);
        service.MoveClockTo(booked.StartsAt.AddHours(-24).AddSeconds(5));

        Assert.Equal(3, await service.Reminders.SendDueAsync(Ct));
        var retrying = await RemindersAsync(service, booked.MeetingId);
        // Not again before the back-off (2 s, then 4 s) has passed.
        Assert.Equal(0, await service.Reminders.SendDueAsync(Ct));
        service.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, await service.Reminders.SendDueAsync(Ct));
        service.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, await service.Reminders.SendDueAsync(Ct));
        service.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await service.Reminders.SendDueAsync(Ct));

        Assert.All(retrying.Where(r => r.LeadTime == TimeSpan.FromHours(24)), r =>
            Assert.Equal(("pending", 1), (r.Status, r.Attempts)));
        Assert.Contains("mail queue refuses", retrying.First(r => r.Attempts == 1).LastError);
        var reminders = await RemindersAsync(service, booked.MeetingId);
        Assert.All(reminders.Where(r => r.LeadTime == TimeSpan.FromHours(24)), r =>
        {
            Assert.Equal(("failed", 3), (r.Status, r.Attempts));
            Assert.Contains("mail queue refuses", r.LastError);
        });
        Assert.All(reminders.Where(r => r.LeadTime == TimeSpan.FromHours(1)), r => Assert.Equal(("pending", 0), (r.Status, r.Attempts)));
        var failed = (await service.CreateClient(TestTokens.Person(Guid.CreateVersion7(), ["operator"], email: "ore@ore.example.pl"))
            .GetFromJsonAsync<FailedReminders.FailedRemindersResponse>("/api/notifications/advisory-reminders/failed", Ct))!;
        Assert.Equal(3, failed.Items.Count);
    }

    [Theory]
    // The Monday after the last Sunday of March (clocks go forward: 09:00 is 07:00 UTC) and of October (back: 08:00 UTC).
    [InlineData("2027-03-29T07:00:00Z", "29 marca 2027 r., 09:00", "2027-03-28T07:00:00Z")]
    [InlineData("2027-11-01T08:00:00Z", "1 listopada 2027 r., 09:00", "2027-10-31T08:00:00Z")]
    public async Task Across_a_change_of_clocks_the_times_are_Warsaws_and_the_reminders_come_24_h_and_1_h_before_in_real_time(string startsAt,
        string inLetter, string dayBefore)
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port, ByHand);
        var booked = MeetingEvents.Booked(DateTimeOffset.Parse(startsAt));
        var advisor = booked.Attendees[0].Email;

        await service.Bus.Publish(booked, Ct);

        var confirmation = Assert.Single(await smtp.WaitForAsync(advisor));
        Assert.Equal($"Spotkanie doradcze: Gmina Gromadka — {inLetter}", confirmation.Subject);
        Assert.Contains($"Termin: {inLetter} – 10:00 (czas polski).", confirmation.TextBody);
        var meeting = Assert.Single(Attachment(confirmation).Calendar.Events);
        Assert.Equal(("Europe/Warsaw", 9, 10), (meeting.DtStart!.TzId, meeting.DtStart.Hour, meeting.DtEnd!.Hour));
        Assert.Equal(booked.StartsAt.UtcDateTime, meeting.DtStart.AsUtc);
        var reminders = await Eventually.GetAsync(() => RemindersAsync(service, booked.MeetingId), rows => rows.Count == 6, what: "the reminders");
        Assert.Equal([DateTimeOffset.Parse(dayBefore), booked.StartsAt.AddHours(-1)], reminders.Select(r => r.DueAt).Distinct().Order());

        foreach (var due in new[] { DateTimeOffset.Parse(dayBefore), booked.StartsAt.AddHours(-1) })
        {
            service.MoveClockTo(due.AddSeconds(-5));
            Assert.Equal(0, await service.Reminders.SendDueAsync(Ct));
            service.MoveClockTo(due.AddSeconds(1));
            Assert.Equal(3, await service.Reminders.SendDueAsync(Ct));
        }

        var sent = (await smtp.WaitForAsync(advisor, count: 3)).Where(IsReminder).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Equal($"Przypomnienie: spotkanie doradcze {inLetter} — Gmina Gromadka", m.Subject));
        Assert.All(sent, m => Assert.Contains($"Termin: {inLetter} – 10:00 (czas polski).", m.TextBody));
    }

    [Fact]
    public async Task A_meetings_reminders_are_shown_to_ORE_to_its_advisor_and_to_each_member_their_own_and_to_nobody_else()
    {
        await using var smtp = new FakeSmtpServer();
        await using var service = await NotificationsService.StartAsync(smtp.Port, ByHand);
        var booked = MeetingEvents.Booked(MeetingEvents.DaysAhead(service.Clock.GetUtcNow(), 5));
        await BookAsync(service, booked);
        var (advisor, anna) = (booked.Attendees[0], booked.Attendees[1]);
        var url = $"/api/notifications/advisory-meetings/{booked.MeetingId}/reminders";
        HttpClient Person(string role, string email, string? jst = null) =>
            service.CreateClient(TestTokens.Person(Guid.CreateVersion7(), [role], jst: jst, email: email));

        var byOperator = (await Person("operator", "ore@ore.example.pl").GetFromJsonAsync<MeetingReminders.MeetingRemindersResponse>(url, Ct))!;
        var byAdvisor = (await Person("advisor", advisor.Email.ToUpperInvariant()).GetFromJsonAsync<MeetingReminders.MeetingRemindersResponse>(url, Ct))!;
        var byAnna = (await Person("jst-member", anna.Email, booked.JstTerc).GetFromJsonAsync<MeetingReminders.MeetingRemindersResponse>(url, Ct))!;

        Assert.Equal((6, 6), (byOperator.Reminders.Count, byAdvisor.Reminders.Count));
        Assert.Equal((0, "booked"), (byAdvisor.Sequence, byAdvisor.Status));
        Assert.Equal([1440, 60], byAnna.Reminders.Select(r => r.MinutesBefore));
        Assert.All(byAnna.Reminders, r => Assert.Equal((anna.Email, "pending"), (r.Recipient, r.Status)));
        Assert.Equal(booked.StartsAt.AddHours(-24), byAnna.Reminders[0].DueAt);
        Assert.Equal(HttpStatusCode.NotFound, (await Person("advisor", "inny-doradca@ore.example.pl").GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Person("jst-member", anna.Email, "1201011").GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Person("jst-member", "ktos@gromadka.example.pl", booked.JstTerc).GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await Person("operator", "ore@ore.example.pl").GetAsync($"/api/notifications/advisory-meetings/{Guid.CreateVersion7()}/reminders", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Person("trainer", advisor.Email).GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.CreateClient().GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Person("advisor", advisor.Email).GetAsync("/api/notifications/advisory-reminders/failed", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await Person("operator", "ore@ore.example.pl").GetAsync("/api/notifications/advisory-reminders/failed?cursor=zly", Ct)).StatusCode);
    }
}
