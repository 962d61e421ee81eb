using Cro.Publishing.Features.Conferences.Registrations;
using Cro.Publishing.Features.Conferences.Reservations;
using Microsoft.Extensions.Options;

namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// The deadlines of conference registration, looked for every <see cref="ConferenceOptions.DeadlinePollInterval"/>: an
/// offered place not answered by its end lapses, a registration not confirmed in time expires, a JST reservation past its
/// end is released; the people are told (ConferenceRegistrationEnded), and the places freed are offered to the next people
/// waiting (<see cref="Places.FillAsync"/>), who have never been offered one. One conference at a time, locked as every
/// change of its places is, with SKIP LOCKED: replicas run this side by side, each on another conference, and a conference
/// busy with registrations is taken at the next tick.
/// </summary>
public sealed class ConferenceDeadlines(NpgsqlDataSource db, ConferenceLinks links, IOptions<ConferenceOptions> options, TimeProvider time,
    ILogger<ConferenceDeadlines> log) : BackgroundService
{
    /// <summary>Handles everything due at one conference; false when no conference (that is not busy) has anything due.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var due = new { now = now.ToUniversalTime() };
        var conferenceId = await session.QuerySingleOrDefaultAsync<Guid?>("""
            SELECT id FROM conferences
            WHERE id IN (SELECT conference_id FROM conference_registrations WHERE status = 'offered' AND offer_expires_at <= @now
                         UNION SELECT conference_id FROM conference_registrations
                               WHERE confirmed_at IS NULL AND status IN ('pending', 'waitlisted') AND confirm_by <= @now
                         UNION SELECT conference_id FROM conference_reservations WHERE ended_at IS NULL AND expires_at <= @now)
            ORDER BY id LIMIT 1
            FOR UPDATE SKIP LOCKED
            """, due);
        if (conferenceId is not { } id)
        {
            return false;
        }
        var conference = (await ConferenceRow.FindAsync(session, id, drafts: true))!;
        var ended = (await session.QueryAsync<RegistrationRow>(RegistrationRow.Select + """
             WHERE r.conference_id = @id AND ((r.status = 'offered' AND r.offer_expires_at <= @now)
                OR (r.confirmed_at IS NULL AND r.status IN ('pending', 'waitlisted') AND r.confirm_by <= @now))
            ORDER BY r.registered_at
            FOR UPDATE OF r
            """, new { id, due.now })).ToList();
        foreach (var registration in ended)
        {
            var status = registration.Status == RegistrationStatus.Offered ? RegistrationStatus.Lapsed : RegistrationStatus.Expired;
            await session.ExecuteAsync("UPDATE conference_registrations SET status = @status, reservation_id = NULL, ended_at = @now WHERE id = @Id",
                new { registration.Id, status, due.now });
            await session.EnqueueAsync(RegistrationEvents.Ended(conference, registration, status, now));
        }
        var reservations = (await session.QueryAsync<Guid>(
            "SELECT id FROM conference_reservations WHERE conference_id = @id AND ended_at IS NULL AND expires_at <= @now", new { id, due.now })).ToList();
        foreach (var reservation in reservations)
        {
            await ReservationEnd.EndAsync(session, reservation, ReservationEnd.Expired, by: null, now);
        }
        var offered = await Places.FillAsync(session, conference, links, now);
        await session.CommitAsync();
        log.LogInformation("Conference {Conference}: {Ended} registrations lapsed or expired, {Reservations} reservations released, {Offered} places offered.",
            id, ended.Count, reservations.Count, offered);
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DeadlinePollInterval, time);
        do
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // What is due stays due in the database; the next tick tries again.
                log.LogWarning(e, "Handling conference registration deadlines failed; trying again at the next tick.");
            }
        }
        while (await timer.NextTickAsync(stoppingToken));
    }
}
