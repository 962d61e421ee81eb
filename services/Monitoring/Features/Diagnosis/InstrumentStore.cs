using System.Collections.Concurrent;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// Reads and writes instrument versions. A version, once written, never changes (the application role cannot update or
/// delete its rows), so each one read is kept in memory for the life of the process.
/// </summary>
public sealed class InstrumentStore
{
    private readonly ConcurrentDictionary<int, Instrument> _versions = new();

    private sealed record VersionRow(int Version, string Title, string? ChangeNote, DateTimeOffset CreatedAt);

    private sealed record SectionRow(string Key, string Respondent, string Title, string? Description);

    private sealed record QuestionRow(string Key, string SectionKey, string? GroupKey, string Kind, string Text, string? Help, bool Required, string? Unit,
        decimal? MinValue, decimal? MaxValue, int? Decimals, bool DontKnowAllowed, int? MaxLength, int? MaxRows, string[]? ScaleLabels,
        string? ShownIfQuestion, string[]? ShownIfOptions)
    {
        // Dapper reads text[] columns as System.Array, which no constructor parameter matches: it sets the properties instead.
        [ExplicitConstructor]
        private QuestionRow() : this("", "", null, "", "", null, false, null, null, null, null, false, null, null, null, null, null)
        {
        }
    }

    private sealed record OptionRow(string QuestionKey, string Key, string Label, bool Exclusive);

    public static Task<int?> CurrentVersionAsync(DataSession session) =>
        session.ExecuteScalarAsync<int?>("SELECT max(version) FROM instrument_versions");

    /// <summary>Version <paramref name="version"/>, or the current one when it is null; null when there is no such version.</summary>
    public async Task<Instrument?> FindAsync(DataSession session, int? version)
    {
        var wanted = version ?? await CurrentVersionAsync(session);
        if (wanted is not { } number)
        {
            return null;
        }
        if (_versions.TryGetValue(number, out var known))
        {
            return known;
        }
        return await ReadAsync(session, number) is { } read ? _versions.GetOrAdd(number, read) : null;
    }

    /// <summary>
    /// Version <paramref name="version"/> as the session sees it, not kept: for a version the session has just written and
    /// may yet roll back.
    /// </summary>
    public static async Task<Instrument?> ReadAsync(DataSession session, int version)
    {
        var parameters = new { version };
        using var rows = await session.QueryMultipleAsync("""
            SELECT version, title, change_note, created_at FROM instrument_versions WHERE version = @version;
            SELECT key, respondent, title, description FROM instrument_sections WHERE version = @version ORDER BY ordinal;
            SELECT key, section_key, group_key, kind, text, help, required, unit, min_value, max_value, decimals, dont_know_allowed, max_length,
                   max_rows, scale_labels, shown_if_question, shown_if_options
            FROM instrument_questions WHERE version = @version ORDER BY ordinal;
            SELECT question_key, key, label, exclusive FROM instrument_options WHERE version = @version ORDER BY question_key, ordinal;
            SELECT key, left_question AS "left", comparison, right_question AS "right", message FROM instrument_rules WHERE version = @version ORDER BY ordinal;
            """, parameters);
        if (await rows.ReadSingleOrDefaultAsync<VersionRow>() is not { } head)
        {
            return null;
        }
        var sections = await rows.ReadAsync<SectionRow>();
        var questions = (await rows.ReadAsync<QuestionRow>()).ToList();
        var options = (await rows.ReadAsync<OptionRow>()).ToLookup(o => o.QuestionKey);
        var rules = await rows.ReadAsync<RuleDefinition>();
        var children = questions.Where(q => q.GroupKey is not null).ToLookup(q => q.GroupKey!);
        var bySection = questions.Where(q => q.GroupKey is null).ToLookup(q => q.SectionKey);

        QuestionDefinition Question(QuestionRow q) => new(q.Key, q.Kind, q.Text, q.Help, q.Required, q.Unit, q.MinValue, q.MaxValue, q.Decimals,
            q.DontKnowAllowed, q.MaxLength, QuestionKind.IsChoice(q.Kind) ? [.. options[q.Key].Select(o => new OptionDefinition(o.Key, o.Label, o.Exclusive))] : null,
            q.ScaleLabels, q.MaxRows, q.Kind == QuestionKind.RepeatGroup ? [.. children[q.Key].Select(Question)] : null,
            q.ShownIfQuestion is null ? null : new ConditionDefinition(q.ShownIfQuestion, q.ShownIfOptions ?? []));

        return new Instrument(new InstrumentView(head.Version, head.Title, head.ChangeNote, head.CreatedAt,
            [.. sections.Select(s => new SectionDefinition(s.Key, s.Respondent, s.Title, s.Description, [.. bySection[s.Key].Select(Question)]))],
            [.. rules]));
    }

    /// <summary>
    /// Writes <paramref name="definition"/> as <paramref name="version"/>; false when that version exists already (another
    /// operator published first, or another replica seeded), in which case nothing is written.
    /// </summary>
    public static async Task<bool> TryInsertAsync(DataSession session, int version, InstrumentDefinition definition, string? changeNote,
        Guid? createdBy, DateTimeOffset now)
    {
        // ON CONFLICT waits for a concurrent insert of the same version to commit, then writes nothing.
        var inserted = await session.ExecuteAsync("""
            INSERT INTO instrument_versions (version, title, change_note, created_by, created_at)
            VALUES (@version, @title, @changeNote, @createdBy, @now)
            ON CONFLICT (version) DO NOTHING
            """, new { version, title = definition.Title.Trim(), changeNote, createdBy, now = now.ToUniversalTime() });
        if (inserted == 0)
        {
            return false;
        }
        var questions = definition.Sections.SelectMany(s => s.Questions.SelectMany(q =>
            q.RowQuestions.Select(c => new PlacedQuestion(c, s, q)).Prepend(new PlacedQuestion(q, s, null)))).ToList();
        var sections = definition.Sections.Select((s, i) => new { s.Key, Ordinal = i + 1, s.Respondent, Title = s.Title.Trim(), Description = s.Description?.Trim() });
        var questionRows = questions.Select((q, i) => new
        {
            q.Question.Key, SectionKey = q.Section.Key, GroupKey = q.Group?.Key, Ordinal = i + 1, q.Question.Kind, Text = q.Question.Text.Trim(),
            Help = q.Question.Help?.Trim(), q.Question.Required, q.Question.Unit, MinValue = q.Question.Min, MaxValue = q.Question.Max,
            q.Question.Decimals, q.Question.DontKnowAllowed, q.Question.MaxLength, q.Question.MaxRows, q.Question.ScaleLabels,
            ShownIfQuestion = q.Question.ShownIf?.Question, ShownIfOptions = q.Question.ShownIf?.Options,
        });
        var optionRows = questions.SelectMany(q => q.Question.Choices.Select((o, i) => new
        {
            QuestionKey = q.Question.Key, o.Key, Ordinal = i + 1, Label = o.Label.Trim(), o.Exclusive,
        }));
        var ruleRows = definition.Rules.Select((r, i) => new
        {
            r.Key, Ordinal = i + 1, LeftQuestion = r.Left, r.Comparison, RightQuestion = r.Right, Message = r.Message?.Trim(),
        });
        await session.ExecuteAsync("""
            INSERT INTO instrument_sections (version, key, ordinal, respondent, title, description)
            SELECT @version, key, ordinal, respondent, title, description
            FROM jsonb_to_recordset(@sections::jsonb) AS s(key text, ordinal int, respondent text, title text, description text);

            INSERT INTO instrument_questions (version, key, section_key, group_key, ordinal, kind, text, help, required, unit, min_value, max_value,
                                              decimals, dont_know_allowed, max_length, max_rows, scale_labels, shown_if_question, shown_if_options)
            SELECT @version, key, section_key, group_key, ordinal, kind, text, help, required, unit, min_value, max_value,
                   decimals, dont_know_allowed, max_length, max_rows, scale_labels, shown_if_question, shown_if_options
            FROM jsonb_to_recordset(@questions::jsonb) AS q(key text, section_key text, group_key text, ordinal int, kind text, text text, help text,
                 required boolean, unit text, min_value numeric, max_value numeric, decimals int, dont_know_allowed boolean, max_length int,
                 max_rows int, scale_labels text[], shown_if_question text, shown_if_options text[]);

            INSERT INTO instrument_options (version, question_key, key, ordinal, label, exclusive)
            SELECT @version, question_key, key, ordinal, label, exclusive
            FROM jsonb_to_recordset(@options::jsonb) AS o(question_key text, key text, ordinal int, label text, exclusive boolean);

            INSERT INTO instrument_rules (version, key, ordinal, left_question, comparison, right_question, message)
            SELECT @version, key, ordinal, left_question, comparison, right_question, message
            FROM jsonb_to_recordset(@rules::jsonb) AS r(key text, ordinal int, left_question text, comparison text, right_question text, message text);
            """, new
        {
            version,
            sections = JsonRows.Of(sections),
            questions = JsonRows.Of(questionRows),
            options = JsonRows.Of(optionRows),
            rules = JsonRows.Of(ruleRows),
        });
        return true;
    }

    public static IResult VersionNotFound() => ProblemDetailsDefaults.NotFound(
        "Nie ma takiej wersji narzędzia diagnozy.", "There is no such version of the diagnosis instrument.");
}
