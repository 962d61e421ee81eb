using System.Text.RegularExpressions;

namespace Cro.Evaluation.Features.Surveys;

/// <summary>
/// POST /api/evaluation/surveys/templates — ORE adds a template, or a new version of one (same code: the next version number).
/// Versions are never changed: surveys already issued keep pointing at theirs, and results count a question across versions by
/// its id. The newest template of an occasion is the one issued from then on. A code kept for another occasion is 422; two
/// versions added at once, 409 for the second.
/// </summary>
public static partial class AddTemplateVersion
{
    [OpenApiSchemaName("SurveyQuestionOptionInput")]
    public sealed record OptionInput(
        [property: FieldLabel("Identyfikator odpowiedzi", "Option id")] string Id,
        [property: FieldLabel("Treść odpowiedzi", "Option text")] string Text);

    [OpenApiSchemaName("SurveyQuestionInput")]
    public sealed record QuestionInput(
        [property: FieldLabel("Identyfikator pytania", "Question id")] string Id,
        [property: FieldLabel("Rodzaj pytania", "Question kind")] string Kind,
        [property: FieldLabel("Treść pytania", "Question text")] string Text,
        bool Required,
        [property: FieldLabel("Opis oceny 1", "What 1 means")] string? Low,
        [property: FieldLabel("Opis oceny 5", "What 5 means")] string? High,
        [property: FieldLabel("Odpowiedzi do wyboru", "Options")] IReadOnlyList<OptionInput>? Options);

    [OpenApiSchemaName("SurveyTemplateRequest")]
    public sealed record TemplateRequest(
        [property: FieldLabel("Kod szablonu", "Template code")] string Code,
        [property: FieldLabel("Okazja", "Occasion")] string Occasion,
        [property: FieldLabel("Tytuł", "Title")] string Title,
        [property: FieldLabel("Wstęp", "Introduction")] string Intro,
        [property: FieldLabel("Pytania", "Questions")] IReadOnlyList<QuestionInput> Questions);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex IdPattern();

    private static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    private static string IdMessage => Text.Pick("Użyj 2–40 małych liter, cyfr lub łączników.", "Use 2–40 lower-case letters, digits or hyphens.");

    public sealed class OptionValidator : AbstractValidator<OptionInput>
    {
        public OptionValidator()
        {
            RuleFor(o => o.Id).Must(IsId).WithMessage(_ => IdMessage);
            RuleFor(o => o.Text).RequiredText(200).WithMessage(_ => Text.Pick("Podaj treść odpowiedzi (do 200 znaków).", "Give the option's text (up to 200 characters)."));
        }
    }

    public sealed class QuestionValidator : AbstractValidator<QuestionInput>
    {
        public QuestionValidator()
        {
            RuleFor(q => q.Id).Must(IsId).WithMessage(_ => IdMessage);
            RuleFor(q => q.Kind).Must(k => k is QuestionKinds.Scale or QuestionKinds.Choice or QuestionKinds.Text)
                .WithMessage(_ => Text.Pick("Rodzaj pytania to scale, choice albo text.", "A question's kind is scale, choice or text."));
            RuleFor(q => q.Text).RequiredText(500).WithMessage(_ => Text.Pick("Podaj treść pytania (do 500 znaków).", "Give the question's text (up to 500 characters)."));
            RuleFor(q => q.Low).MaximumLength(100).WithMessage(_ => Text.Pick("Najwyżej 100 znaków.", "At most 100 characters."));
            RuleFor(q => q.High).MaximumLength(100).WithMessage(_ => Text.Pick("Najwyżej 100 znaków.", "At most 100 characters."));
            RuleFor(q => q.Options).Must((q, options) => q.Kind == QuestionKinds.Choice
                    ? options is { Count: >= 2 and <= 10 } && options.Select(o => o?.Id).Distinct().Count() == options.Count
                    : options is null or { Count: 0 })
                .WithMessage(_ => Text.Pick("Pytanie wyboru ma od 2 do 10 odpowiedzi o różnych identyfikatorach; inne pytania nie mają odpowiedzi do wyboru.",
                    "A choice question has 2 to 10 options with distinct ids; other questions have none."));
            RuleForEach(q => q.Options).SetValidator(new OptionValidator());
        }
    }

    public sealed class Validator : AbstractValidator<TemplateRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Code).Must(IsId).WithMessage(_ => IdMessage);
            RuleFor(r => r.Occasion).Must(o => SurveyOccasions.All.Contains(o))
                .WithMessage(_ => Text.Pick("Okazja to module-completed, engagement-ended albo conference-attended.",
                    "The occasion is module-completed, engagement-ended or conference-attended."));
            RuleFor(r => r.Title).RequiredText(200).WithMessage(_ => Text.Pick("Podaj tytuł (do 200 znaków).", "Give the title (up to 200 characters)."));
            RuleFor(r => r.Intro).RequiredText(2000).WithMessage(_ => Text.Pick("Podaj wstęp (do 2000 znaków).", "Give the introduction (up to 2000 characters)."));
            RuleFor(r => r.Questions).Must(q => q is { Count: >= 1 and <= 30 } && q.Select(x => x?.Id).Distinct().Count() == q.Count)
                .WithMessage(_ => Text.Pick("Ankieta ma od 1 do 30 pytań o różnych identyfikatorach.", "A survey has 1 to 30 questions with distinct ids."));
            RuleForEach(r => r.Questions).SetValidator(new QuestionValidator());
        }
    }

    public static IEndpointRouteBuilder MapAddTemplateVersion(this IEndpointRouteBuilder api)
    {
        api.MapPost("/surveys/templates", HandleAsync)
            .WithName("AddSurveyTemplateVersion").WithSummary("Dodaj szablon ankiety lub jego nową wersję / Add a survey template or its new version")
            .Validate<TemplateRequest>().Produces<SurveyTemplates.TemplateView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> HandleAsync(TemplateRequest request, DataSession session, TimeProvider time)
    {
        var latest = await session.QuerySingleOrDefaultAsync<(int Version, string Occasion)?>(
            "SELECT version, occasion FROM survey_templates WHERE code = @Code ORDER BY version DESC LIMIT 1", request);
        if (latest is { } known && known.Occasion != request.Occasion)
        {
            return Problems.Unprocessable($"Szablon {request.Code} jest ankietą na okazję {known.Occasion}; nowa wersja musi mieć tę samą okazję.",
                $"Template {request.Code} is a survey for {known.Occasion}; a new version must have the same occasion.");
        }
        var questions = request.Questions.Select(q => new Question(q.Id, q.Kind, q.Text.Trim(), q.Required,
            q.Kind == QuestionKinds.Scale ? q.Low?.Trim() : null, q.Kind == QuestionKinds.Scale ? q.High?.Trim() : null,
            q.Kind == QuestionKinds.Choice ? [.. q.Options!.Select(o => new QuestionOption(o.Id, o.Text.Trim()))] : null)).ToList();
        var view = new SurveyTemplates.TemplateView(Guid.CreateVersion7(), request.Code, (latest?.Version ?? 0) + 1, request.Occasion, request.Title.Trim(),
            request.Intro.Trim(), questions, time.GetUtcNow());
        var inserted = await session.ExecuteAsync("""
            INSERT INTO survey_templates (id, code, version, occasion, title, intro, questions, created_at)
            VALUES (@Id, @Code, @Version, @Occasion, @Title, @Intro, @json::jsonb, @at)
            ON CONFLICT (code, version) DO NOTHING
            """, new { view.Id, view.Code, view.Version, view.Occasion, view.Title, view.Intro, json = SurveyJson.Serialize(questions), at = view.CreatedAt.ToUniversalTime() });
        if (inserted == 0)
        {
            return Problems.Conflict("Wersja została już dodana.", "The version was already added.",
                "W tym samym czasie dodano inną wersję tego szablonu; odśwież listę szablonów i spróbuj ponownie.",
                "Another version of this template was added meanwhile; reload the templates and try again.");
        }
        await session.CommitAsync();
        return TypedResults.Created("/api/evaluation/surveys/templates", view);
    }
}
