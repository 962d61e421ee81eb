using System.Text.Json;

namespace Cro.Publishing.Features.Conferences;

/// <summary>
/// Saves a conference's agenda as ORE sends it, whole: a session given with its id is changed in place (the participants
/// who chose it keep their seats), a new one is added, one left out is removed. A session's seats cannot fall below the
/// participants holding them, nor can a session they chose be removed: 409 naming the field, and nothing saved.
/// </summary>
internal static class Agenda
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Existing(Guid Id, string Title, int SeatsTaken);

    /// <summary>The refusal, or null when saved. The conference must be locked (seats are counted under its lock).</summary>
    public static async Task<IResult?> SaveAsync(DataSession session, Guid conferenceId, IReadOnlyList<SessionRequest> sessions)
    {
        var existing = (await session.QueryAsync<Existing>(
            "SELECT id, title, seats_taken FROM conference_sessions WHERE conference_id = @conferenceId", new { conferenceId })).ToDictionary(e => e.Id);
        for (var i = 0; i < sessions.Count; i++)
        {
            if (sessions[i].Id is not { } id)
            {
                continue;
            }
            if (!existing.TryGetValue(id, out var kept))
            {
                return Problems.Field($"sessions[{i}].id", "Ta konferencja nie ma sesji o tym identyfikatorze.", "This conference has no session with this id.");
            }
            if (sessions[i].Capacity is { } capacity && capacity < kept.SeatsTaken)
            {
                return Problems.FieldConflict($"sessions[{i}].capacity", "Za mało miejsc w sesji.", "Too few seats in the session.",
                    $"Sesję „{kept.Title}” wybrało już {kept.SeatsTaken} uczestników.", $"{kept.SeatsTaken} participants have chosen the session '{kept.Title}' already.");
            }
        }
        var removed = existing.Keys.Except(sessions.Select(s => s.Id).OfType<Guid>()).ToArray();
        if (removed.Select(id => existing[id]).FirstOrDefault(s => s.SeatsTaken > 0) is { } chosen)
        {
            return Problems.FieldConflict("sessions", "Sesja ma uczestników.", "The session has participants.",
                $"Sesję „{chosen.Title}” wybrało {chosen.SeatsTaken} uczestników: zostaw ją w programie albo zmień jej opis.",
                $"{chosen.SeatsTaken} participants have chosen the session '{chosen.Title}': keep it in the agenda, or change its description.");
        }
        await session.ExecuteAsync("DELETE FROM conference_sessions WHERE id = ANY (@removed)", new { removed });
        for (var i = 0; i < sessions.Count; i++)
        {
            var s = sessions[i];
            await session.ExecuteAsync("""
                INSERT INTO conference_sessions (id, conference_id, ordinal, title, description, starts_at, ends_at, room, capacity, speakers)
                VALUES (@id, @conferenceId, @ordinal, @title, @description, @startsAt, @endsAt, @room, @Capacity, @speakers::jsonb)
                ON CONFLICT (id) DO UPDATE SET ordinal = excluded.ordinal, title = excluded.title, description = excluded.description,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at, room = excluded.room, capacity = excluded.capacity, speakers = excluded.speakers
                """, new
            {
                id = s.Id ?? Guid.CreateVersion7(), conferenceId, ordinal = i + 1, title = s.Title.Trim(), description = Blank(s.Description),
                startsAt = s.StartsAt.ToUniversalTime(), endsAt = s.EndsAt.ToUniversalTime(), room = Blank(s.Room), s.Capacity,
                speakers = JsonSerializer.Serialize((s.Speakers ?? []).Select(p => new SpeakerView(p.FullName.Trim(), Blank(p.Affiliation))), Json),
            });
        }
        return null;
    }

    /// <summary>Text a person may leave out: trimmed, and null when blank.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
