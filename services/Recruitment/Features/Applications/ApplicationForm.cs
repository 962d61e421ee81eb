using FluentValidation;

namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// What an applicant fills in, step by step: the JST, the task team (one of them the coordinator),
/// facts for scoring and the declarations. A draft may be incomplete; submitting checks it is whole.
/// </summary>
public sealed record ApplicationForm(
    string JstTerc,
    IReadOnlyList<TeamMemberInput>? Team = null,
    int? SchoolsRun = null,
    bool? TookPartBefore = null,
    Declarations? Declarations = null);

public sealed record TeamMemberInput(string FullName, string Email, string Position, string? Phone, string Sex, bool IsCoordinator);

/// <param name="InformationClauseVersion">The version of the information clause the applicant was shown.</param>
/// <param name="CommitsToWholeCycle">The JST commits to the whole cycle: training, advisory, diagnosis, plan.</param>
/// <param name="ConsentsToPublishPractices">Consent to publish the JST's good practices.</param>
public sealed record Declarations(string? InformationClauseVersion, bool CommitsToWholeCycle, bool ConsentsToPublishPractices);

/// <summary>Sex categories as ESF+ reporting asks them (team_members.sex; its CHECK constraint lists the same words).</summary>
public static class SexCategory
{
    public const string Woman = "woman";
    public const string Man = "man";
    public const string NonBinary = "non-binary";

    /// <summary>The person prefers not to say.</summary>
    public const string Undisclosed = "undisclosed";

    public static readonly IReadOnlyList<string> All = [Woman, Man, NonBinary, Undisclosed];
}

/// <summary>The rules every saved form meets, draft or not; the web shows the same messages beside its fields.</summary>
public sealed class ApplicationFormValidator : AbstractValidator<ApplicationForm>
{
    /// <summary>More than any round allows, so a draft can hold a spare person while the team is settled.</summary>
    public const int MaxTeamEntries = 10;

    public ApplicationFormValidator()
    {
        RuleFor(f => f.JstTerc).NotEmpty().Matches("^[0-9]{2}([0-9]{2}([0-9]{3})?)?$")
            .WithMessage(_ => Text.Pick("Wybierz JST z rejestru (kod TERC: 2, 4 lub 7 cyfr).", "Choose a JST from the registry (TERC code: 2, 4 or 7 digits)."));
        RuleFor(f => f.Team).Must(team => team is null || team.Count <= MaxTeamEntries)
            .WithMessage(_ => Text.Pick($"Zespół może liczyć najwyżej {MaxTeamEntries} osób.", $"A team has at most {MaxTeamEntries} people."));
        RuleFor(f => f.Team).Must(team => team is null || team.Select(m => m.Email.Trim().ToLowerInvariant()).Distinct().Count() == team.Count)
            .WithMessage(_ => Text.Pick("Każda osoba w zespole ma inny adres e-mail.", "Each person in the team has a different e-mail address."));
        RuleFor(f => f.Team).Must(team => team is null || team.Count(m => m.IsCoordinator) <= 1)
            .WithMessage(_ => Text.Pick("Koordynatorem jest jedna osoba.", "One person is the coordinator."));
        RuleForEach(f => f.Team).SetValidator(new TeamMemberValidator());
        RuleFor(f => f.SchoolsRun).InclusiveBetween(0, 2000).When(f => f.SchoolsRun is not null)
            .WithMessage(_ => Text.Pick("Liczba szkół prowadzonych przez JST to od 0 do 2000.", "The number of schools the JST runs is from 0 to 2000."));
    }
}

/// <summary>One person of the task team.</summary>
public sealed class TeamMemberValidator : AbstractValidator<TeamMemberInput>
{
    public TeamMemberValidator()
    {
        RuleFor(m => m.FullName).NotEmpty().MaximumLength(200)
            .WithMessage(_ => Text.Pick("Podaj imię i nazwisko (do 200 znaków).", "Give the full name (up to 200 characters)."));
        RuleFor(m => m.Email).MailAddress();
        RuleFor(m => m.Position).NotEmpty().MaximumLength(200)
            .WithMessage(_ => Text.Pick("Podaj stanowisko (do 200 znaków).", "Give the position (up to 200 characters)."));
        RuleFor(m => m.Phone).Matches(@"^\+?[0-9 ()-]{7,20}$").When(m => !string.IsNullOrWhiteSpace(m.Phone))
            .WithMessage(_ => Text.Pick("Numer telefonu: 7–20 cyfr, może zaczynać się od +.", "Phone number: 7–20 digits, may start with +."));
        RuleFor(m => m.Sex).Must(SexCategory.All.Contains)
            .WithMessage(_ => Text.Pick("Wybierz płeć: kobieta, mężczyzna, osoba niebinarna albo „wolę nie podawać”.",
                "Choose sex: woman, man, non-binary or 'prefer not to say'."));
    }
}
