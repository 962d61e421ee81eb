namespace Cro.Publishing.Features.Conferences;

/// <summary>A conference as stored, with the rules that read it: its days, whether registration is open, places left.</summary>
public sealed record ConferenceRow(Guid Id, string Title, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place,
    string? OnlineUrl, int Capacity, DateTimeOffset RegistrationOpensAt, DateTimeOffset RegistrationClosesAt, TimeSpan OfferHold,
    int CertificateMinDays, string Status, int PlacesTaken, int Sequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt)
{
    public const string Draft = "draft";
    public const string Published = "published";

    public const string NotYetOpen = "not-yet-open";
    public const string Open = "open";
    public const string Closed = "closed";

    private const string Select = """
        SELECT id, title, description, starts_at, ends_at, place, online_url, capacity, registration_opens_at, registration_closes_at, offer_hold,
               certificate_min_days, status, places_taken, sequence, created_at, updated_at, published_at
        FROM conferences
        """;

    /// <summary>
    /// Conference <paramref name="id"/>, published ones only unless <paramref name="drafts"/>. <paramref name="forUpdate"/>
    /// locks it: every change of who holds its places (registering, leaving, offers, reservations) takes this lock first, so
    /// they queue up per conference and the places are counted right whatever arrives at once.
    /// </summary>
    public static Task<ConferenceRow?> FindAsync(DataSession session, Guid id, bool drafts = false, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<ConferenceRow>(
            $"{Select} WHERE id = @id{(drafts ? "" : $" AND status = '{Published}'")}{(forUpdate ? " FOR UPDATE" : "")}", new { id });

    /// <summary>
    /// Locks conference @id and reads it, as the first statement of a batch: the statements after it read what the
    /// registrations queued ahead of this one committed (read committed takes a snapshot per statement), in one round trip.
    /// </summary>
    public const string LockSql = Select + " WHERE id = @id FOR UPDATE;";

    /// <summary>Every conference, or the published ones, earliest first.</summary>
    public static Task<IEnumerable<ConferenceRow>> ListAsync(DataSession session, bool drafts) =>
        session.QueryAsync<ConferenceRow>($"{Select}{(drafts ? "" : $" WHERE status = '{Published}'")} ORDER BY starts_at, id");

    /// <summary>The Warsaw dates it takes place on, each a day of check-in.</summary>
    public IReadOnlyList<DateOnly> Days
    {
        get
        {
            var (first, last) = (WarsawDay(StartsAt), WarsawDay(EndsAt));
            return [.. Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays)];
        }
    }

    public int PlacesLeft => Math.Max(0, Capacity - PlacesTaken);

    public Uri? Online => OnlineUrl is null ? null : new Uri(OnlineUrl);

    /// <summary>The UID of its calendar event, the same in every mail and download.</summary>
    public string CalendarUid => $"konferencja-{Id}@cro.ore.edu.pl";

    public string RegistrationAt(DateTimeOffset now) =>
        Status != Published || now < RegistrationOpensAt ? NotYetOpen : now < RegistrationClosesAt ? Open : Closed;

    public static DateOnly WarsawDay(DateTimeOffset instant) => DateOnly.FromDateTime(WarsawTime.InWarsaw(instant).DateTime);

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiej konferencji.", "There is no such conference.");
}
