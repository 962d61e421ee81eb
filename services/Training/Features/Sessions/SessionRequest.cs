using Cro.Training.Features.Programme;
using FluentValidation;

namespace Cro.Training.Features.Sessions;

/// <summary>
/// A session as an operator enters it: the module, start and end as Europe/Warsaw wall-clock times without
/// an offset ("2026-05-12T10:00"), the form with its place and/or online link, the capacity of the room or
/// meeting, and the hours it counts for the module's attendance (by default its length in clock hours).
/// </summary>
public sealed record SessionRequest(string ModuleCode, DateTime StartsAt, DateTime EndsAt, string Form, string? Place, string? OnlineUrl,
    int Capacity, decimal? Hours = null)
{
    public decimal CountedHours => Hours ?? Math.Round((decimal)(EndsAt - StartsAt).TotalHours * 2, MidpointRounding.AwayFromZero) / 2;

    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(12);

    // Far from the ends of DateTime, where converting a wall-clock time to an instant would overflow.
    private static readonly DateTime Earliest = new(2020, 1, 1);
    private static readonly DateTime Latest = new(2099, 12, 31);

    public sealed class Validator : AbstractValidator<SessionRequest>
    {
        public Validator()
        {
            RuleFor(r => r.ModuleCode).NotEmpty().Matches("^M[0-9]{1,2}$")
                .WithMessage(_ => Text.Pick("Podaj kod modułu, np. M1.", "Give the module code, e.g. M1."));
            RuleFor(r => r.StartsAt).Must(t => t.Kind == DateTimeKind.Unspecified)
                .WithMessage(_ => LocalTimeMessage);
            RuleFor(r => r.StartsAt).InclusiveBetween(Earliest, Latest)
                .WithMessage(_ => Text.Pick("Data zajęć musi przypadać w latach 2020–2099.", "A session's date must fall in 2020–2099."));
            RuleFor(r => r.EndsAt).Must(t => t.Kind == DateTimeKind.Unspecified)
                .WithMessage(_ => LocalTimeMessage);
            RuleFor(r => r.StartsAt).Must(WarsawTime.IsUnambiguous).When(r => r.StartsAt.Kind == DateTimeKind.Unspecified)
                .WithMessage(_ => ClockChangeMessage);
            RuleFor(r => r.EndsAt).Must(WarsawTime.IsUnambiguous).When(r => r.EndsAt.Kind == DateTimeKind.Unspecified)
                .WithMessage(_ => ClockChangeMessage);
            RuleFor(r => r.EndsAt).Must((r, end) => end > r.StartsAt && end - r.StartsAt <= MaxLength)
                .WithMessage(_ => Text.Pick("Zajęcia kończą się po rozpoczęciu i trwają najwyżej 12 godzin.",
                    "A session ends after it starts and lasts at most 12 hours."));
            RuleFor(r => r.Form).Must(DeliveryForm.All.Contains)
                .WithMessage(_ => Text.Pick("Forma: stationary (stacjonarna), online albo blended (mieszana).", "Form: stationary, online or blended."));
            RuleFor(r => r.Place).NotEmpty().When(r => r.Form != DeliveryForm.Online)
                .WithMessage(_ => Text.Pick("Podaj miejsce zajęć stacjonarnych.", "Give the place of an on-site session."));
            RuleFor(r => r.Place).MaximumLength(500)
                .WithMessage(_ => Text.Pick("Miejsce może mieć do 500 znaków.", "The place may have up to 500 characters."));
            RuleFor(r => r.OnlineUrl).NotEmpty().When(r => r.Form != DeliveryForm.Stationary)
                .WithMessage(_ => Text.Pick("Podaj łącze do spotkania online.", "Give the link to the online meeting."));
            RuleFor(r => r.OnlineUrl).Must(BeWebAddress).MaximumLength(500).When(r => !string.IsNullOrEmpty(r.OnlineUrl))
                .WithMessage(_ => Text.Pick("Łącze to pełny adres https:// (do 500 znaków).", "The link is a full https:// address (up to 500 characters)."));
            RuleFor(r => r.Capacity).InclusiveBetween(1, 500)
                .WithMessage(_ => Text.Pick("Liczba miejsc to od 1 do 500.", "The capacity is from 1 to 500."));
            RuleFor(r => r.CountedHours).Must(h => h is >= 0.5m and <= 12m && h * 2 == decimal.Truncate(h * 2))
                .When(r => r.EndsAt > r.StartsAt && r.EndsAt - r.StartsAt <= MaxLength)
                .OverridePropertyName("hours")
                .WithMessage(_ => Text.Pick("Liczba godzin zajęć: od 0,5 do 12, co pół godziny.", "Hours of a session: from 0.5 to 12, in half hours."));
        }

        private static bool BeWebAddress(string? url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

        private static string LocalTimeMessage => Text.Pick(
            "Podaj czas warszawski bez strefy czasowej, np. 2026-05-12T10:00.", "Give Warsaw time without a time zone, e.g. 2026-05-12T10:00.");

        private static string ClockChangeMessage => Text.Pick(
            "Ta godzina nie istnieje albo występuje dwa razy przy zmianie czasu; wybierz inną.",
            "This time does not exist or occurs twice at the clock change; choose another.");
    }
}
