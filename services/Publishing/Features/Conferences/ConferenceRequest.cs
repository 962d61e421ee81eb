namespace Cro.Publishing.Features.Conferences;

/// <summary>A conference as ORE writes it (creating or changing it): times are instants (with their offset), shown in Europe/Warsaw.</summary>
/// <param name="OnlineUrl">The online meeting's link (https), for an online or hybrid conference; given to confirmed participants only.</param>
/// <param name="OfferHoldHours">How long a place freed at a full conference is held for the next person on the waitlist (default from the settings).</param>
/// <param name="CertificateMinDays">Days of attendance the certificate needs (default 1).</param>
/// <param name="Sessions">The agenda. Changing a conference replaces it: a session given with its id is kept (with the participants who chose it), one left out is removed.</param>
[OpenApiSchemaName("ConferenceRequest")]
public sealed record ConferenceRequest(
    string Title,
    string Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineUrl,
    int Capacity,
    [property: FieldLabel("Otwarcie zapisów", "Registration opens")] DateTimeOffset RegistrationOpensAt,
    [property: FieldLabel("Zamknięcie zapisów", "Registration closes")] DateTimeOffset RegistrationClosesAt,
    [property: FieldLabel("Czas na przyjęcie zwolnionego miejsca (godziny)", "Hours to accept a freed place")] int? OfferHoldHours = null,
    [property: FieldLabel("Dni obecności potrzebne do zaświadczenia", "Days of attendance the certificate needs")] int? CertificateMinDays = null,
    [property: FieldLabel("Program (sesje)", "Agenda (sessions)")] IReadOnlyList<SessionRequest>? Sessions = null);

/// <param name="Id">An existing session's id, to keep it; null for a new one.</param>
/// <param name="Capacity">Seats, for a session participants choose (a workshop); null when every participant may come.</param>
[OpenApiSchemaName("ConferenceSessionRequest")]
public sealed record SessionRequest(
    Guid? Id,
    string Title,
    string? Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    [property: FieldLabel("Sala", "Room")] string? Room,
    [property: FieldLabel("Liczba miejsc w sesji", "Seats in the session")] int? Capacity,
    [property: FieldLabel("Prelegenci", "Speakers")] IReadOnlyList<SpeakerRequest>? Speakers);

[OpenApiSchemaName("ConferenceSpeakerRequest")]
public sealed record SpeakerRequest(string FullName, [property: FieldLabel("Instytucja prelegenta", "Speaker's affiliation")] string? Affiliation);

public sealed class ConferenceRequestValidator : AbstractValidator<ConferenceRequest>
{
    public const int MaxSessions = 100;

    public ConferenceRequestValidator()
    {
        RuleFor(r => r.Title).RequiredText(300)
            .WithMessage(_ => Text.Pick("Podaj tytuł konferencji (do 300 znaków).", "Give the conference's title (up to 300 characters)."));
        RuleFor(r => r.Description).RequiredText(8000)
            .WithMessage(_ => Text.Pick("Opisz konferencję (do 8000 znaków).", "Describe the conference (up to 8000 characters)."));
        RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt)
            .WithMessage(_ => Text.Pick("Koniec musi być po początku.", "The end must come after the start."));
        RuleFor(r => r.EndsAt).Must((r, ends) => ends - r.StartsAt <= TimeSpan.FromDays(14))
            .WithMessage(_ => Text.Pick("Konferencja trwa najwyżej 14 dni.", "A conference lasts at most 14 days."));
        RuleFor(r => r.Place).Must((r, place) => !string.IsNullOrWhiteSpace(place) || !string.IsNullOrWhiteSpace(r.OnlineUrl))
            .WithMessage(_ => Text.Pick("Podaj miejsce albo łącze do spotkania online (albo oba).", "Give the place or the online link (or both)."));
        RuleFor(r => r.Place).MaximumLength(500)
            .WithMessage(_ => Text.Pick("Miejsce ma do 500 znaków.", "The place has up to 500 characters."));
        RuleFor(r => r.OnlineUrl).Must(BeHttps!).When(r => !string.IsNullOrWhiteSpace(r.OnlineUrl))
            .WithMessage(_ => Text.Pick("Łącze do spotkania online to pełny adres https://….", "The online link is a full https://… address."));
        RuleFor(r => r.Capacity).InclusiveBetween(1, 100_000)
            .WithMessage(_ => Text.Pick("Liczba miejsc to od 1 do 100 000.", "The capacity is from 1 to 100,000."));
        RuleFor(r => r.RegistrationClosesAt).GreaterThan(r => r.RegistrationOpensAt)
            .WithMessage(_ => Text.Pick("Zapisy zamykają się po ich otwarciu.", "Registration closes after it opens."));
        RuleFor(r => r.RegistrationClosesAt).LessThanOrEqualTo(r => r.EndsAt)
            .WithMessage(_ => Text.Pick("Zapisy zamykają się najpóźniej z końcem konferencji.", "Registration closes by the end of the conference at the latest."));
        RuleFor(r => r.OfferHoldHours).InclusiveBetween(1, 336).When(r => r.OfferHoldHours is not null)
            .WithMessage(_ => Text.Pick("Czas na przyjęcie miejsca to od 1 do 336 godzin.", "The time to accept a place is 1 to 336 hours."));
        RuleFor(r => r.CertificateMinDays).Must((r, days) => days is null || (days >= 1 && days <= Days(r)))
            .WithMessage(_ => Text.Pick("Liczba dni obecności do zaświadczenia to od 1 do liczby dni konferencji.",
                "The days of attendance for the certificate are from 1 to the conference's number of days."));
        RuleFor(r => r.Sessions).Must(s => s is null || s.Count <= MaxSessions)
            .WithMessage(_ => Text.Pick($"Program ma najwyżej {MaxSessions} sesji.", $"The agenda has at most {MaxSessions} sessions."));
        RuleFor(r => r.Sessions).Must(s => s is null || s.Where(x => x.Id is not null).Select(x => x.Id).Distinct().Count() == s.Count(x => x.Id is not null))
            .WithMessage(_ => Text.Pick("Każda sesja występuje w programie raz.", "Each session appears in the agenda once."));
        RuleForEach(r => r.Sessions).SetValidator(r => new SessionRequestValidator(r));
    }

    private static int Days(ConferenceRequest r) => Math.Max(1, ConferenceRow.WarsawDay(r.EndsAt).DayNumber - ConferenceRow.WarsawDay(r.StartsAt).DayNumber + 1);

    private static bool BeHttps(string url) => Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && url.Length <= 500;
}

// Internal: it needs its conference, so it is built by ConferenceRequestValidator, not taken from the container.
internal sealed class SessionRequestValidator : AbstractValidator<SessionRequest>
{
    public SessionRequestValidator(ConferenceRequest conference)
    {
        RuleFor(s => s.Title).RequiredText(300)
            .WithMessage(_ => Text.Pick("Podaj tytuł sesji (do 300 znaków).", "Give the session's title (up to 300 characters)."));
        RuleFor(s => s.Description).MaximumLength(4000)
            .WithMessage(_ => Text.Pick("Opis sesji ma do 4000 znaków.", "A session's description has up to 4000 characters."));
        RuleFor(s => s.EndsAt).GreaterThan(s => s.StartsAt)
            .WithMessage(_ => Text.Pick("Sesja kończy się po swoim początku.", "A session ends after it starts."));
        RuleFor(s => s.StartsAt).Must((s, starts) => starts >= conference.StartsAt && s.EndsAt <= conference.EndsAt)
            .WithMessage(_ => Text.Pick("Sesja odbywa się w czasie konferencji.", "A session takes place within the conference's time."));
        RuleFor(s => s.Room).MaximumLength(200)
            .WithMessage(_ => Text.Pick("Sala ma do 200 znaków.", "The room has up to 200 characters."));
        RuleFor(s => s.Capacity).Must(c => c is null || c >= 1).WithMessage(_ => Text.Pick("Liczba miejsc w sesji to co najmniej 1.", "A session has at least 1 seat."));
        RuleFor(s => s.Capacity).Must(c => c is null || c <= conference.Capacity)
            .WithMessage(_ => Text.Pick("Sesja nie ma więcej miejsc niż konferencja.", "A session has no more seats than the conference."));
        RuleFor(s => s.Speakers).Must(s => s is null || s.Count <= 20)
            .WithMessage(_ => Text.Pick("Sesja ma najwyżej 20 prelegentów.", "A session has at most 20 speakers."));
        RuleForEach(s => s.Speakers).ChildRules(speaker =>
        {
            speaker.RuleFor(p => p.FullName).RequiredText(200)
                .WithMessage(_ => Text.Pick("Podaj imię i nazwisko prelegenta (do 200 znaków).", "Give the speaker's name (up to 200 characters)."));
            speaker.RuleFor(p => p.Affiliation).MaximumLength(300)
                .WithMessage(_ => Text.Pick("Instytucja prelegenta ma do 300 znaków.", "The speaker's affiliation has up to 300 characters."));
        });
    }
}
