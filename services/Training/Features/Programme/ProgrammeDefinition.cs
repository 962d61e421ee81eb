using FluentValidation;

namespace Cro.Training.Features.Programme;

/// <summary>
/// The programme as an operator writes it: the rules (post-test and attendance thresholds, per cent) and
/// the modules with their learning outcomes, hours, form and validation method. Saved as a new version.
/// </summary>
public sealed record ProgrammeDefinition(decimal PostTestThreshold, decimal AttendanceThreshold, IReadOnlyList<ModuleDefinition> Modules);

public sealed record ModuleDefinition(string Code, string Title, string Description, decimal Hours, string Form, string ValidationMethod,
    IReadOnlyList<OutcomeDefinition> Outcomes);

/// <summary>A learning outcome: <see cref="OutcomeCategory"/> knowledge, skills or social (competences).</summary>
public sealed record OutcomeDefinition(string Code, string Category, string Description);

public static class DeliveryForm
{
    public const string Stationary = "stationary";
    public const string Online = "online";
    public const string Blended = "blended";

    public static readonly IReadOnlyList<string> All = [Stationary, Online, Blended];
}

public static class OutcomeCategory
{
    public const string Knowledge = "knowledge";
    public const string Skills = "skills";
    public const string Social = "social";

    public static readonly IReadOnlyList<string> All = [Knowledge, Skills, Social];
}

public sealed class ProgrammeDefinitionValidator : AbstractValidator<ProgrammeDefinition>
{
    public ProgrammeDefinitionValidator()
    {
        RuleFor(p => p.PostTestThreshold).InclusiveBetween(0, 100)
            .WithMessage(_ => Text.Pick("Próg zaliczenia post-testu to od 0 do 100 %.", "The post-test threshold is from 0 to 100 %."));
        RuleFor(p => p.AttendanceThreshold).InclusiveBetween(0, 100)
            .WithMessage(_ => Text.Pick("Wymagana frekwencja to od 0 do 100 %.", "The attendance threshold is from 0 to 100 %."));
        RuleFor(p => p.Modules).Must(m => m is { Count: > 0 and <= 20 } && m.All(x => x is not null))
            .WithMessage(_ => Text.Pick("Program ma od 1 do 20 modułów.", "The programme has from 1 to 20 modules."));
        RuleFor(p => p.Modules).Must(m => m.Select(x => x?.Code).Distinct(StringComparer.Ordinal).Count() == m.Count)
            .When(p => p.Modules is not null)
            .WithMessage(_ => Text.Pick("Kody modułów nie mogą się powtarzać.", "Module codes must not repeat."));
        RuleForEach(p => p.Modules).SetValidator(new ModuleValidator());
    }

    private sealed class ModuleValidator : AbstractValidator<ModuleDefinition>
    {
        public ModuleValidator()
        {
            RuleFor(m => m.Code).Matches("^M[0-9]{1,2}$")
                .WithMessage(_ => Text.Pick("Kod modułu to M i numer, np. M1.", "A module code is M and a number, e.g. M1."));
            RuleFor(m => m.Title).NotEmpty().MaximumLength(300)
                .WithMessage(_ => Text.Pick("Podaj tytuł modułu (do 300 znaków).", "Give the module a title (up to 300 characters)."));
            RuleFor(m => m.Description).NotEmpty().MaximumLength(5000)
                .WithMessage(_ => Text.Pick("Podaj opis modułu (do 5000 znaków).", "Give the module a description (up to 5000 characters)."));
            RuleFor(m => m.Hours).Must(h => h is > 0 and <= 200 && h * 2 == decimal.Truncate(h * 2))
                .WithMessage(_ => Text.Pick("Liczba godzin: od 0,5 do 200, co pół godziny.", "Hours: from 0.5 to 200, in half hours."));
            RuleFor(m => m.Form).Must(DeliveryForm.All.Contains)
                .WithMessage(_ => Text.Pick("Forma: stationary (stacjonarna), online albo blended (mieszana).", "Form: stationary, online or blended."));
            RuleFor(m => m.ValidationMethod).NotEmpty().MaximumLength(2000)
                .WithMessage(_ => Text.Pick("Opisz metodę walidacji (do 2000 znaków).", "Describe the validation method (up to 2000 characters)."));
            RuleFor(m => m.Outcomes).Must(o => o is { Count: > 0 and <= 50 } && o.All(x => x is not null))
                .WithMessage(_ => Text.Pick("Moduł ma od 1 do 50 efektów uczenia się.", "A module has from 1 to 50 learning outcomes."));
            RuleFor(m => m.Outcomes).Must(o => o.Select(x => x?.Code).Distinct(StringComparer.Ordinal).Count() == o.Count)
                .When(m => m.Outcomes is not null)
                .WithMessage(_ => Text.Pick("Kody efektów uczenia się w module nie mogą się powtarzać.", "Learning outcome codes must not repeat within a module."));
            RuleForEach(m => m.Outcomes).ChildRules(outcome =>
            {
                outcome.RuleFor(o => o.Code).NotEmpty().MaximumLength(20)
                    .WithMessage(_ => Text.Pick("Kod efektu uczenia się ma do 20 znaków, np. M1.W1.", "A learning outcome code has up to 20 characters, e.g. M1.W1."));
                outcome.RuleFor(o => o.Category).Must(OutcomeCategory.All.Contains)
                    .WithMessage(_ => Text.Pick("Kategoria efektu: knowledge (wiedza), skills (umiejętności) albo social (kompetencje społeczne).",
                        "Outcome category: knowledge, skills or social (competences)."));
                outcome.RuleFor(o => o.Description).NotEmpty().MaximumLength(1000)
                    .WithMessage(_ => Text.Pick("Opisz efekt uczenia się (do 1000 znaków).", "Describe the learning outcome (up to 1000 characters)."));
            });
        }
    }
}
