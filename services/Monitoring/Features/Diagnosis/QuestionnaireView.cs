namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// A questionnaire to fill: the sections of its respondents from the diagnosis's instrument version (with the rules
/// between their questions), the answers so far by question key, its progress, and what still stops its submission
/// (<see cref="Outstanding"/>: required questions unanswered, rules broken, as the submission would say). The team sees
/// its school links too; a link sees none.
/// </summary>
/// <param name="Collecting">The diagnosis still collects answers (its team has not ended collection).</param>
/// <param name="Reopenings">Each time the team reopened it after a submission, with the reason.</param>
[OpenApiSchemaName("DiagnosisQuestionnaire")]
public sealed record QuestionnaireView(Guid Id, Guid DiagnosisId, string DiagnosisKind, string JstTerc, string? JstName, Guid? SchoolId, string? SchoolName,
    string Status, bool Collecting, int InstrumentVersion, QuestionnaireProgress Progress, DateTimeOffset? UpdatedAt, DateTimeOffset? SubmittedAt,
    IReadOnlyList<SectionDefinition> Sections, IReadOnlyList<RuleDefinition> Rules, IReadOnlyDictionary<string, AnswerValue> Answers,
    IReadOnlyDictionary<string, string[]> Outstanding, IReadOnlyList<ReopeningView> Reopenings, IReadOnlyList<LinkView> Links)
{
    public static async Task<QuestionnaireView> BuildAsync(DataSession session, InstrumentStore instruments, QuestionnaireRow questionnaire,
        bool withLinks, DateTimeOffset now)
    {
        var instrument = (await instruments.FindAsync(session, questionnaire.InstrumentVersion))!;
        var answers = await Questionnaires.AnswersAsync(session, instrument, questionnaire.Id);
        var outstanding = new AnswerErrors();
        AnswerCheck.Submitting(instrument, questionnaire.Respondents, answers, outstanding);
        using var rows = await session.QueryMultipleAsync("""
            SELECT name FROM jst WHERE terc = @JstTerc;
            SELECT reason, submitted_at, reopened_at FROM questionnaire_reopenings WHERE questionnaire_id = @Id ORDER BY reopened_at;
            SELECT id, issued_at, expires_at, revoked_how, revoked_at, last_used_at FROM questionnaire_links
            WHERE questionnaire_id = @Id AND @withLinks ORDER BY issued_at DESC;
            """, new { questionnaire.Id, questionnaire.JstTerc, withLinks });
        var jstName = await rows.ReadSingleOrDefaultAsync<string>();
        var reopenings = await rows.ReadAsync<ReopeningView>();
        var links = (await rows.ReadAsync<LinkRow>()).Select(l => new LinkView(l.Id, l.IssuedAt, l.ExpiresAt,
            LinkState.Of(l.RevokedHow, l.ExpiresAt, questionnaire.CollectionClosedAt, now), l.RevokedAt, l.LastUsedAt));
        return new QuestionnaireView(questionnaire.Id, questionnaire.DiagnosisId, questionnaire.DiagnosisKind, questionnaire.JstTerc, jstName,
            questionnaire.SchoolId, questionnaire.SchoolName, questionnaire.Status, questionnaire.CollectionClosedAt is null, questionnaire.InstrumentVersion,
            questionnaire.Progress, questionnaire.UpdatedAt, questionnaire.SubmittedAt, instrument.SectionsOf(questionnaire.Respondents),
            instrument.RulesOf(questionnaire.Respondents), answers, outstanding.ByKey, [.. reopenings], [.. links]);
    }

    private sealed record LinkRow(Guid Id, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, string? RevokedHow, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);
}

/// <param name="SubmittedAt">When the submission it undid had been made.</param>
[OpenApiSchemaName("DiagnosisQuestionnaireReopening")]
public sealed record ReopeningView(string Reason, DateTimeOffset SubmittedAt, DateTimeOffset ReopenedAt);

/// <summary>A school link as the team sees it (never its token).</summary>
/// <param name="State"><see cref="LinkState"/>: active, revoked, replaced (by a newer link) or expired (its day passed, or collection ended).</param>
[OpenApiSchemaName("SchoolLinkState")]
public sealed record LinkView(Guid Id, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt, string State, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

public static class LinkState
{
    public const string Active = "active";
    public const string Revoked = "revoked";
    public const string Replaced = "replaced";
    public const string Expired = "expired";

    public static string Of(string? revokedHow, DateTimeOffset? expiresAt, DateTimeOffset? collectionClosedAt, DateTimeOffset now) =>
        revokedHow ?? (collectionClosedAt is not null || expiresAt <= now ? Expired : Active);
}
