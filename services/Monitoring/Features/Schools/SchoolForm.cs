namespace Cro.Monitoring.Features.Schools;

/// <summary>
/// A school as the team writes it, adding one or correcting one: name, kind (e.g. "Szkoła podstawowa"), address, whether
/// it is public, and optionally why (kept in the history).
/// </summary>
public sealed record SchoolForm(
    string Name,
    string? Kind,
    [property: FieldLabel("Ulica", "Street")] string? Street,
    [property: FieldLabel("Numer budynku", "House number")] string? HouseNumber,
    [property: FieldLabel("Kod pocztowy", "Postcode")] string? Postcode,
    [property: FieldLabel("Miejscowość", "Town")] string Town,
    [property: FieldLabel("Szkoła publiczna", "Public school")] bool? IsPublic,
    string? Reason = null)
{
    public sealed class Validator : AbstractValidator<SchoolForm>
    {
        public Validator()
        {
            RuleFor(f => f.Name).RequiredText(300)
                .WithMessage(_ => Text.Pick("Podaj nazwę szkoły (do 300 znaków).", "Give the school's name (up to 300 characters)."));
            RuleFor(f => f.Kind).MaximumLength(100)
                .WithMessage(_ => Text.Pick("Rodzaj szkoły może mieć najwyżej 100 znaków, np. Szkoła podstawowa.",
                    "The kind of school may have at most 100 characters, e.g. Szkoła podstawowa."));
            RuleFor(f => f.Street).MaximumLength(150)
                .WithMessage(_ => Text.Pick("Ulica może mieć najwyżej 150 znaków.", "The street may have at most 150 characters."));
            RuleFor(f => f.HouseNumber).MaximumLength(20)
                .WithMessage(_ => Text.Pick("Numer budynku może mieć najwyżej 20 znaków.", "The house number may have at most 20 characters."));
            RuleFor(f => f.Postcode).Matches("^[0-9]{2}-[0-9]{3}$").When(f => !string.IsNullOrWhiteSpace(f.Postcode))
                .WithMessage(_ => Text.Pick("Kod pocztowy ma postać 00-000.", "A postcode has the form 00-000."));
            RuleFor(f => f.Town).RequiredText(100)
                .WithMessage(_ => Text.Pick("Podaj miejscowość (do 100 znaków).", "Give the town (up to 100 characters)."));
            RuleFor(f => f.Reason).MaximumLength(1000)
                .WithMessage(_ => Text.Pick("Uzasadnienie może mieć najwyżej 1000 znaków.", "The reason may have at most 1000 characters."));
        }
    }

    /// <summary>The form's values as the columns take them: trimmed, blank as null.</summary>
    public object Columns() => new
    {
        name = Name.Trim(), kind = SchoolStore.Clean(Kind), street = SchoolStore.Clean(Street), houseNumber = SchoolStore.Clean(HouseNumber),
        postcode = SchoolStore.Clean(Postcode), town = Town.Trim(), isPublic = IsPublic,
    };

    /// <summary>Whether the form says what <paramref name="school"/> already says.</summary>
    public bool Matches(SchoolView school) =>
        (Name.Trim(), SchoolStore.Clean(Kind), SchoolStore.Clean(Street), SchoolStore.Clean(HouseNumber), SchoolStore.Clean(Postcode), Town.Trim(), IsPublic)
        == (school.Name, school.Kind, school.Street, school.HouseNumber, school.Postcode, school.Town, school.IsPublic);
}

/// <summary>Why a school is closed or reopened, kept in the history.</summary>
public sealed record SchoolStatusChange(string Reason)
{
    public sealed class Validator : AbstractValidator<SchoolStatusChange>
    {
        public Validator() =>
            RuleFor(c => c.Reason).RequiredText(1000)
                .WithMessage(_ => Text.Pick("Podaj uzasadnienie (do 1000 znaków).", "Give the reason (up to 1000 characters)."));
    }
}
