using FluentValidation;

namespace Cro.Training.Features.Cohorts;

/// <summary>A trainer assigned to a cohort: by address always (calendar, notices), and by account id when the operator knows it.</summary>
public sealed record TrainerInput(string Email, string FullName, Guid? UserId = null);

public sealed class TrainerInputValidator : AbstractValidator<TrainerInput>
{
    public TrainerInputValidator()
    {
        RuleFor(t => t.Email).MailAddress();
        RuleFor(t => t.FullName).NotEmpty().MaximumLength(200)
            .WithMessage(_ => Text.Pick("Podaj imię i nazwisko trenera (do 200 znaków).", "Give the trainer's name (up to 200 characters)."));
    }
}

/// <summary>What a cohort may be formed with.</summary>
internal static class CohortRules
{
    public const int MaxPerCohort = 20;

    /// <summary>At most <see cref="MaxPerCohort"/>, none missing, each address once (any case).</summary>
    public static bool Acceptable(IReadOnlyList<TrainerInput>? trainers) =>
        trainers is null || (trainers.Count <= MaxPerCohort && trainers.All(t => t is not null)
            && trainers.Select(t => t.Email?.Trim().ToLowerInvariant()).Distinct().Count() == trainers.Count);

    /// <summary>From 1 to 100 teams, each once.</summary>
    public static bool AcceptableTeams(IReadOnlyList<Guid>? ids) => ids is { Count: > 0 and <= 100 } && ids.Distinct().Count() == ids.Count;

    public static string TooManyOrRepeated => Text.Pick($"Do {MaxPerCohort} trenerów, każdy adres raz.", $"Up to {MaxPerCohort} trainers, each address once.");
}
