namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>One version of the instrument, as the API shows it.</summary>
[OpenApiSchemaName("DiagnosisInstrument")]
public sealed record InstrumentView(int Version, string Title, string? ChangeNote, DateTimeOffset CreatedAt, IReadOnlyList<SectionDefinition> Sections,
    IReadOnlyList<RuleDefinition> Rules);

/// <summary>Where a question stands: its section, and the repeat group whose rows ask it (null at the section level).</summary>
public sealed record PlacedQuestion(QuestionDefinition Question, SectionDefinition Section, QuestionDefinition? Group)
{
    /// <summary>How messages name it: its text, and for a row's question the group's too.</summary>
    public string Name => Group is null ? $"„{Question.Text}”" : $"„{Question.Text}” („{Group.Text}”)";
}

/// <summary>One stored version of the instrument, with its questions found by key. Versions never change, so it is kept.</summary>
public sealed class Instrument
{
    private readonly Dictionary<string, PlacedQuestion> _questions = new(StringComparer.Ordinal);

    public Instrument(InstrumentView view)
    {
        View = view;
        foreach (var section in view.Sections)
        {
            foreach (var question in section.Questions)
            {
                _questions[question.Key] = new PlacedQuestion(question, section, null);
                foreach (var child in question.RowQuestions)
                {
                    _questions[child.Key] = new PlacedQuestion(child, section, question);
                }
            }
        }
    }

    public InstrumentView View { get; }

    public int Version => View.Version;

    /// <summary>A question of any section or row, by key.</summary>
    public PlacedQuestion? Find(string key) => _questions.GetValueOrDefault(key);

    /// <summary>The sections <paramref name="respondents"/> answer, in order.</summary>
    public IReadOnlyList<SectionDefinition> SectionsOf(IReadOnlyList<string> respondents) =>
        [.. View.Sections.Where(s => respondents.Contains(s.Respondent))];

    /// <summary>The rules whose questions are in the sections of <paramref name="respondents"/>.</summary>
    public IReadOnlyList<RuleDefinition> RulesOf(IReadOnlyList<string> respondents) =>
        [.. View.Rules.Where(r => Find(r.Left) is { } left && respondents.Contains(left.Section.Respondent))];
}
