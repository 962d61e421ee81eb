using System.Linq.Expressions;
using FluentValidation;

namespace Cro.ServiceDefaults;

/// <summary>
/// A consultation's term, as plans' consultations (monitoring) and the programme documents' consultations (evaluation)
/// keep it: comments are taken from the Warsaw day it opens through the Warsaw day it closes, both included, unless it
/// was closed earlier. Where it stands depends on the clock too, whether or not a job has recorded the term's end yet.
/// </summary>
public static class ConsultationPeriod
{
    public const string Scheduled = "scheduled";
    public const string Open = "open";
    public const string Closed = "closed";

    /// <summary>The longest consultation, in days.</summary>
    public const int MaxDays = 60;

    /// <summary>
    /// The rules of a term asked for: it does not start in the past, its last day is given, today or later and not before its
    /// first, and it lasts at most <see cref="MaxDays"/> days. A missing first day means today.
    /// </summary>
    public static void TermRules<T>(this AbstractValidator<T> validator, Expression<Func<T, DateOnly?>> opensOn,
        Expression<Func<T, DateOnly?>> closesOn, TimeProvider time)
    {
        DateOnly Today() => DateOnly.FromDateTime(WarsawTime.InWarsaw(time.GetUtcNow()).DateTime);
        var first = opensOn.Compile();
        validator.RuleFor(opensOn).Must(day => day is not { } d || d >= Today())
            .WithMessage(_ => Text.Pick("Konsultacje nie mogą zacząć się w przeszłości.", "The consultation cannot start in the past."));
        validator.RuleFor(closesOn).NotNull()
            .WithMessage(_ => Text.Pick("Podaj ostatni dzień konsultacji.", "Give the consultation's last day."))
            .Must(day => day is not { } d || d >= Today())
            .WithMessage(_ => Text.Pick("Ostatni dzień konsultacji to dziś albo później.", "The consultation's last day is today or later."));
        validator.RuleFor(closesOn).Must((r, day) => day is not { } d || d >= (first(r) ?? Today()))
            .WithMessage(_ => Text.Pick("Konsultacje nie mogą skończyć się przed swoim początkiem.", "The consultation cannot end before it starts."));
        validator.RuleFor(closesOn).Must((r, day) => day is not { } d || d.DayNumber - (first(r) ?? Today()).DayNumber < MaxDays)
            .WithMessage(_ => Text.Pick($"Konsultacje trwają najwyżej {MaxDays} dni.", $"A consultation lasts at most {MaxDays} days."));
    }

    /// <summary>The moment the consultation ends by its term: the start of the Warsaw day after <paramref name="closesOn"/>.</summary>
    public static DateTimeOffset TermEndsAt(DateOnly closesOn) => WarsawTime.StartOf(closesOn.AddDays(1));

    /// <summary><see cref="Scheduled"/>, <see cref="Open"/> or <see cref="Closed"/> at <paramref name="now"/>.</summary>
    public static string StateAt(DateOnly opensOn, DateOnly closesOn, DateTimeOffset? closedAt, DateTimeOffset now) =>
        closedAt is not null || now >= TermEndsAt(closesOn) ? Closed : now < WarsawTime.StartOf(opensOn) ? Scheduled : Open;

    /// <summary>When it closed (or, past its term and not yet recorded, when its term ended); null while it is not closed.</summary>
    public static DateTimeOffset? ClosedAtOrTermEnd(DateOnly closesOn, DateTimeOffset? closedAt, DateTimeOffset now) =>
        closedAt ?? (now >= TermEndsAt(closesOn) ? TermEndsAt(closesOn) : null);

    /// <summary>How a comment is resolved, in both consultations: accepted, partly accepted or rejected, always with a reason.</summary>
    public static readonly IReadOnlyDictionary<string, (string Pl, string En)> Decisions = new Dictionary<string, (string, string)>
    {
        ["accepted"] = ("uwzględniona", "accepted"),
        ["partly"] = ("uwzględniona częściowo", "partly accepted"),
        ["rejected"] = ("nieuwzględniona", "rejected"),
    };
}
