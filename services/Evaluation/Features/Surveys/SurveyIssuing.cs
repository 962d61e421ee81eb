namespace Cro.Evaluation.Features.Surveys;

/// <summary>The grouping keys an invitation (and so its answer) carries; which ones depends on the occasion.</summary>
public sealed record GroupKeys(string? ModuleCode = null, Guid? CohortId = null, Guid? AdvisorId = null, Guid? ConferenceId = null);

/// <summary>
/// Issues a survey to one person: an invitation pointing at the occasion's latest template version, with a link whose token
/// is derived from the invitation's id (<see cref="LinkTokens"/>, the secret notifications shares), and its mail through the
/// outbox. Once per <c>occasionKey</c> (the person and the point of the programme): a redelivered event issues nothing twice.
/// </summary>
public sealed class SurveyIssuing(LinkTokens tokens, IConfiguration configuration, TimeProvider time)
{
    /// <summary>The web's answering page (Web/Evaluation/Surveys/AnswerSurvey.razor), relative to the public address; the token follows.</summary>
    public const string PagePath = "ankiety/";

    public Uri FormUrl => new(PublicAddress.Of(configuration), PagePath);

    public string TokenOf(Guid invitationId) => tokens.Derive(invitationId);

    public async Task<bool> IssueAsync(DataSession session, string occasion, string occasionKey, string email, string fullName, string subject,
        GroupKeys keys)
    {
        var template = await session.QuerySingleAsync<(Guid Id, string Title)>(
            "SELECT id, title FROM survey_templates WHERE occasion = @occasion ORDER BY created_at DESC, version DESC LIMIT 1", new { occasion });
        var settings = await SurveySettings.ReadAsync(session);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        var closesAt = now.AddDays(settings.OpenDays);
        DateTimeOffset? firstReminder = settings.ReminderAfterDays.Length > 0 ? now.AddDays(settings.ReminderAfterDays[0]) : null;
        var inserted = await session.ExecuteAsync("""
            INSERT INTO survey_invitations (id, template_id, occasion_key, token_hash, email, full_name, subject, module_code, cohort_id,
                                            advisor_id, conference_id, issued_at, closes_at, next_reminder_at)
            VALUES (@id, @templateId, @occasionKey, @hash, @email, @fullName, @subject, @ModuleCode, @CohortId, @AdvisorId, @ConferenceId,
                    @now, @closesAt, @firstReminder)
            ON CONFLICT (occasion_key) DO NOTHING
            """, new
        {
            id, templateId = template.Id, occasionKey, hash = LinkTokens.Hash(TokenOf(id)), email = email.Trim(), fullName, subject,
            keys.ModuleCode, keys.CohortId, keys.AdvisorId, keys.ConferenceId, now = now.ToUniversalTime(), closesAt = closesAt.ToUniversalTime(),
            firstReminder = firstReminder is { } at && at < closesAt ? at.ToUniversalTime() : (DateTimeOffset?)null,
        });
        if (inserted == 0)
        {
            return false;
        }
        await session.EnqueueAsync(Mail(id, email.Trim(), fullName, occasion, template.Title, subject, closesAt, SurveyMailKinds.Issued, 0, now));
        return true;
    }

    public SurveyInvitationMailRequested Mail(Guid invitationId, string email, string fullName, string occasion, string title, string subject,
        DateTimeOffset closesAt, string kind, int reminderNumber, DateTimeOffset now) => new()
    {
        InvitationId = invitationId, Email = email, FullName = fullName, Occasion = occasion, SurveyTitle = title, Subject = subject,
        FormUrl = FormUrl, ClosesOn = DateOnly.FromDateTime(WarsawTime.InWarsaw(closesAt.AddTicks(-1)).DateTime), Kind = kind,
        ReminderNumber = reminderNumber, RequestedAt = now,
    };
}
