using Cro.Contracts;
using Npgsql;

namespace Cro.Advisory.Features.Dialogue;

/// <summary>
/// GET /api/advisory/public/debates/{token} — what a public debate's link shows anyone: topic, JST, time, place, places
/// left. POST …/registrations — anyone registers without an account (name, address, stakeholder type, consent to the
/// processing of their data for this debate), while places are left (409 when full, or when the address has
/// registered already); a confirmation is mailed. A link that names no open debate is 404.
/// </summary>
public static class PublicDebateRegistration
{
    public sealed record PublicDebate(string JstName, string Topic, DateTimeOffset StartsAt, string Place, int Capacity, int PlacesLeft,
        IReadOnlyList<string> StakeholderTypes);

    public sealed record DebateRegistrationRequest(string FullName, string Email, string StakeholderType, bool Consent);

    public sealed record DebateRegistrationResponse(Guid Id, string Topic, DateTimeOffset StartsAt, string Place);

    public sealed class Validator : AbstractValidator<DebateRegistrationRequest>
    {
        public Validator()
        {
            RuleFor(r => r.FullName).RequiredText(200)
                .WithMessage(_ => Text.Pick("Podaj imię i nazwisko (do 200 znaków).", "Give your name (up to 200 characters)."));
            RuleFor(r => r.Email).MailAddress();
            RuleFor(r => r.StakeholderType).Must(t => Stakeholders.Types.Contains(t))
                .WithMessage(_ => Text.Pick($"Wybierz, kogo reprezentujesz: {string.Join(", ", Stakeholders.Types)}.",
                    $"Choose whom you represent: {string.Join(", ", Stakeholders.Types)}."));
            RuleFor(r => r.Consent).Equal(true)
                .WithMessage(_ => Text.Pick("Zgoda na przetwarzanie danych w celu udziału w debacie jest potrzebna do zgłoszenia.",
                    "Consent to the processing of your data for the debate is needed to register."));
        }
    }

    private sealed record Debate(Guid Id, string JstTerc, string JstName, string Topic, DateTimeOffset StartsAt, string Place, int Capacity, int Registered);

    public static IEndpointRouteBuilder MapPublicDebateRegistration(this IEndpointRouteBuilder api)
    {
        api.MapGet("/public/debates/{token}", GetAsync)
            .WithName("PublicDebate").WithSummary("Debata oświatowa otwarta na zgłoszenia / An education debate open to registration")
            .Produces<PublicDebate>().ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        api.MapPost("/public/debates/{token}/registrations", RegisterAsync)
            .WithName("RegisterForDebate").WithSummary("Zgłoś się na debatę oświatową / Register for an education debate")
            .Validate<DebateRegistrationRequest>().Produces<DebateRegistrationResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();
        return api;
    }

    private static async Task<IResult> GetAsync(string token, NpgsqlDataSource db, TimeProvider time, CancellationToken ct)
    {
        await using var session = await OpenAsync(db, token, ct);
        return await FindAsync(session, token, time.GetUtcNow()) is { } debate
            ? TypedResults.Ok(new PublicDebate(debate.JstName, debate.Topic, debate.StartsAt, debate.Place, debate.Capacity,
                Math.Max(0, debate.Capacity - debate.Registered), Stakeholders.Types))
            : NotFound();
    }

    private static async Task<IResult> RegisterAsync(string token, DebateRegistrationRequest request, NpgsqlDataSource db, TimeProvider time,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await OpenAsync(db, token, ct);
        // Locked: registrations for one debate queue up, so the capacity holds however many arrive at once.
        if (await FindAsync(session, token, now, forUpdate: true) is not { } debate)
        {
            return NotFound();
        }
        if (debate.Registered >= debate.Capacity)
        {
            return Problems.Conflict("Brak wolnych miejsc.", "No places left.",
                $"Wszystkie {debate.Capacity} miejsc na debatę są zajęte.", $"All {debate.Capacity} places are taken.");
        }
        var registration = new DebateRegistrationResponse(Guid.CreateVersion7(), debate.Topic, debate.StartsAt, debate.Place);
        var inserted = await session.ExecuteAsync("""
            INSERT INTO dialogue_registrations (id, dialogue_meeting_id, jst_terc, full_name, email, stakeholder_type, consented_at, registered_at)
            VALUES (@Id, @meetingId, @JstTerc, @fullName, @email, @StakeholderType, @now, @now)
            ON CONFLICT DO NOTHING
            """, new
        {
            registration.Id, meetingId = debate.Id, debate.JstTerc, fullName = request.FullName.Trim(), email = request.Email.Trim(),
            request.StakeholderType, now = now.ToUniversalTime(),
        });
        if (inserted == 0)
        {
            return Problems.Conflict("Ten adres jest już zgłoszony.", "This address has registered already.",
                "Na tę debatę zgłoszono już ten adres e-mail.", "This e-mail address has already registered for the debate.");
        }
        await session.EnqueueAsync(new DebateRegistrationReceived
        {
            RegistrationId = registration.Id, DialogueMeetingId = debate.Id, JstTerc = debate.JstTerc, JstName = debate.JstName, Topic = debate.Topic,
            StartsAt = debate.StartsAt, Place = debate.Place, FullName = request.FullName.Trim(), Email = request.Email.Trim(), RegisteredAt = now,
        });
        await session.CommitAsync();
        return TypedResults.Created($"/api/advisory/public/debates/{token}", registration);
    }

    /// <summary>A session scoped to the JST whose debate the link names (none when it names no debate).</summary>
    private static async Task<DataSession> OpenAsync(NpgsqlDataSource db, string token, CancellationToken ct) =>
        await DataSession.OpenAsync(db, async (transaction, ct) =>
        {
            await using var lookup = new NpgsqlCommand("SELECT debate_jst(@token)", transaction.Connection, transaction);
            lookup.Parameters.AddWithValue("token", token);
            return await lookup.ExecuteScalarAsync(ct) is string terc ? JstScope.Of([terc]) : JstScope.None;
        }, ct);

    /// <summary>The planned debate the link names, open to registration until it starts.</summary>
    private static Task<Debate?> FindAsync(DataSession session, string token, DateTimeOffset now, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<Debate>($"""
            SELECT d.id, d.jst_terc, t.jst_name, d.topic, d.starts_at, d.place, d.capacity,
                   (SELECT count(*)::int FROM dialogue_registrations r WHERE r.dialogue_meeting_id = d.id) AS registered
            FROM dialogue_meetings d JOIN engagements e ON e.id = d.engagement_id JOIN teams t ON t.application_id = e.application_id
            WHERE d.registration_token = @token AND d.status = '{DialogueStatus.Planned}' AND d.starts_at > @now
            {(forUpdate ? "FOR UPDATE OF d" : "")}
            """, new { token, now = now.ToUniversalTime() });

    private static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiej debaty albo zgłoszenia są już zamknięte.",
        "There is no such debate, or registration has closed.");
}
