using FluentValidation;

namespace Cro.Training.Features.Validation;

/// <summary>
/// A question as an operator writes it: the learning outcome it tests (a code of the module's outcomes, e.g.
/// M1.W1), single or multiple choice, the text, the explanation shown once the participant can no longer
/// retake the test, and 2–10 options of which at least one is right (exactly one for single choice).
/// </summary>
public sealed record QuestionRequest(string OutcomeCode, string Kind, string Text, string Explanation, IReadOnlyList<OptionInput> Options)
{
    public sealed class Validator : AbstractValidator<QuestionRequest>
    {
        public Validator()
        {
            RuleFor(r => r.OutcomeCode).NotEmpty().MaximumLength(20)
                .WithMessage(_ => Cro.ServiceDefaults.Text.Pick("Podaj kod efektu uczenia się, który sprawdza pytanie (np. M1.W1).",
                    "Give the code of the learning outcome the question tests (e.g. M1.W1)."));
            RuleFor(r => r.Kind).Must(QuestionKind.All.Contains)
                .WithMessage(_ => Cro.ServiceDefaults.Text.Pick("Rodzaj pytania: single (jednokrotnego wyboru) albo multiple (wielokrotnego wyboru).",
                    "Question kind: single (single choice) or multiple (multiple choice)."));
            RuleFor(r => r.Text).NotEmpty().MaximumLength(2000)
                .WithMessage(_ => Cro.ServiceDefaults.Text.Pick("Podaj treść pytania (do 2000 znaków).", "Give the question's text (up to 2000 characters)."));
            RuleFor(r => r.Explanation).NotEmpty().MaximumLength(2000)
                .WithMessage(_ => Cro.ServiceDefaults.Text.Pick("Podaj wyjaśnienie poprawnej odpowiedzi (do 2000 znaków).",
                    "Give the explanation of the right answer (up to 2000 characters)."));
            RuleFor(r => r.Options).Must(o => o is { Count: >= 2 and <= 10 } && o.All(x => x is not null))
                .WithMessage(_ => Cro.ServiceDefaults.Text.Pick("Pytanie ma od 2 do 10 odpowiedzi.", "A question has from 2 to 10 options."));
            RuleForEach(r => r.Options).ChildRules(option => option.RuleFor(o => o.Text).NotEmpty().MaximumLength(500)
                .WithMessage(_ => Cro.ServiceDefaults.Text.Pick("Podaj treść odpowiedzi (do 500 znaków).", "Give the option's text (up to 500 characters).")));
            RuleFor(r => r.Options).Must(o => o.Any(x => x.IsCorrect))
                .When(r => r.Options is not null && r.Options.All(x => x is not null))
                .WithMessage(_ => Cro.ServiceDefaults.Text.Pick("Co najmniej jedna odpowiedź musi być poprawna.", "At least one option must be right."));
            RuleFor(r => r.Options).Must(o => o.Count(x => x.IsCorrect) == 1)
                .When(r => r.Kind == QuestionKind.Single && r.Options is not null && r.Options.All(x => x is not null) && r.Options.Any(x => x.IsCorrect))
                .WithMessage(_ => Cro.ServiceDefaults.Text.Pick("Pytanie jednokrotnego wyboru ma dokładnie jedną poprawną odpowiedź.",
                    "A single-choice question has exactly one right option."));
        }
    }
}

[OpenApiSchemaName("AnswerOptionInput")]
public sealed record OptionInput(string Text, bool IsCorrect);
