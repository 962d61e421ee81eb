namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>
/// What a participant answers, once, at the start of support (see <see cref="EsfParticipants"/> for why each item). The
/// special-category answers (last five) take "refused" as a full answer: "odmawiam podania informacji".
/// </summary>
[OpenApiSchemaName("EsfParticipantForm")]
public sealed record ParticipantForm(
    [property: FieldLabel("Płeć", "Sex")] string Sex,
    [property: FieldLabel("Wiek w chwili przystąpienia do projektu", "Age at the start of support")] int? Age,
    [property: FieldLabel("PESEL", "PESEL")] string? Pesel,
    [property: FieldLabel("Nie mam numeru PESEL", "I have no PESEL number")] bool NoPesel,
    [property: FieldLabel("Wykształcenie", "Education")] string Education,
    [property: FieldLabel("Status na rynku pracy", "Status on the labour market")] string LabourStatus,
    [property: FieldLabel("Osoba z niepełnosprawnościami", "Person with disabilities")] string Disability,
    [property: FieldLabel("Osoba obcego pochodzenia", "Person of foreign origin")] string ForeignOrigin,
    [property: FieldLabel("Obywatel państwa trzeciego", "Third-country national")] string ThirdCountryNational,
    [property: FieldLabel("Osoba należąca do mniejszości narodowej lub etnicznej", "Member of a national or ethnic minority")] string Minority,
    [property: FieldLabel("Osoba w kryzysie bezdomności lub wykluczona z dostępu do mieszkań", "Homeless or excluded from housing")] string Homelessness)
{
    public const int MinAge = 15;
    public const int MaxAge = 100;

    public sealed class Validator : AbstractValidator<ParticipantForm>
    {
        public Validator()
        {
            RuleFor(f => f.Sex).Must(s => EsfValues.IsCode(EsfValues.Sex, s))
                .WithMessage(_ => Text.Pick($"Wybierz płeć: {EsfValues.Codes(EsfValues.Sex)}.", $"Choose the sex: {EsfValues.Codes(EsfValues.Sex)}."));
            RuleFor(f => f.Age).NotNull().InclusiveBetween(MinAge, MaxAge)
                .WithMessage(_ => Text.Pick($"Podaj wiek w latach, od {MinAge} do {MaxAge}.", $"Give the age in years, from {MinAge} to {MaxAge}."));
            RuleFor(f => f.Pesel).Must(PeselNumber.IsValid).When(f => !f.NoPesel)
                .WithMessage(_ => Text.Pick("Podaj poprawny numer PESEL (11 cyfr) albo zaznacz, że go nie masz.",
                    "Give a valid PESEL number (11 digits) or say that you have none."));
            RuleFor(f => f.Pesel).Empty().When(f => f.NoPesel)
                .WithMessage(_ => Text.Pick("Zaznaczono brak numeru PESEL: zostaw to pole puste.", "No PESEL number was marked: leave this field empty."));
            RuleFor(f => f.Education).Must(e => EsfValues.IsCode(EsfValues.Education, e))
                .WithMessage(_ => Text.Pick($"Nieznany poziom wykształcenia; dozwolone: {EsfValues.Codes(EsfValues.Education)}.",
                    $"Unknown education level; allowed: {EsfValues.Codes(EsfValues.Education)}."));
            RuleFor(f => f.LabourStatus).Must(s => EsfValues.IsCode(EsfValues.LabourStatus, s))
                .WithMessage(_ => Text.Pick($"Nieznany status na rynku pracy; dozwolone: {EsfValues.Codes(EsfValues.LabourStatus)}.",
                    $"Unknown labour market status; allowed: {EsfValues.Codes(EsfValues.LabourStatus)}."));
            foreach (var answer in new System.Linq.Expressions.Expression<Func<ParticipantForm, string>>[] { f => f.Disability, f => f.ForeignOrigin, f => f.ThirdCountryNational, f => f.Minority, f => f.Homelessness })
            {
                RuleFor(answer).Must(a => EsfValues.IsCode(EsfValues.SpecialAnswer, a))
                    .WithMessage(_ => Text.Pick("Wybierz: tak, nie albo odmawiam podania informacji (yes, no, refused).",
                        "Choose: yes, no or I refuse to give this information (yes, no, refused)."));
            }
        }
    }
}

/// <summary>The Polish personal number: 11 digits whose last is the check digit of the first ten.</summary>
public static class PeselNumber
{
    private static readonly int[] Weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

    public static bool IsValid(string? pesel)
    {
        if (pesel is not { Length: 11 } || !pesel.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = Weights.Select((w, i) => w * (pesel[i] - '0')).Sum();
        return (10 - sum % 10) % 10 == pesel[10] - '0';
    }
}
