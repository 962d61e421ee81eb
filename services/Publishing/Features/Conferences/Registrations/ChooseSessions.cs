namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// PUT /api/publishing/public/conference-registrations/{token}/sessions — a participant holding a place chooses the
/// sessions with seats (workshops) they will attend, replacing their choice; a session whose seats are all taken by others
/// is 409 naming sessionIds, one not on the agenda 400, without a place 409 (someone waiting chooses once they have one).
/// Nothing is written on a refusal. Under the conference's lock, so two people cannot take one last seat.
/// </summary>
public static class ChooseSessions
{
    [OpenApiSchemaName("ConferenceSessionChoice")]
    public sealed record SessionChoice([property: FieldLabel("Sesje", "Sessions")] IReadOnlyList<Guid> SessionIds);

    public sealed class Validator : AbstractValidator<SessionChoice>
    {
        public Validator() => RuleFor(c => c.SessionIds).Must(ids => ids is not null && ids.Count <= ConferenceRequestValidator.MaxSessions)
            .WithMessage(_ => Text.Pick("Podaj listę wybranych sesji (może być pusta).", "Give the list of sessions chosen (it may be empty)."));
    }

    public static IEndpointRouteBuilder MapChooseSessions(this IEndpointRouteBuilder api)
    {
        api.MapPut("/public/conference-registrations/{token}/sessions", HandleAsync)
            .WithName("ChooseConferenceSessions").WithSummary("Wybierz sesje / Choose sessions")
            .Validate<SessionChoice>().Produces<ParticipantView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status410Gone)
            .AllowAnonymous();
        return api;
    }

    private static Task<IResult> HandleAsync(string token, SessionChoice choice, DataSession session, ConferenceLinks links) =>
        ParticipantLink.ChangeAsync(session, token, async (conference, registration) =>
        {
            if (!RegistrationStatus.IsActive(registration.Status))
            {
                return ParticipantLink.Ended(registration);
            }
            if (registration.Status is not (RegistrationStatus.Pending or RegistrationStatus.Confirmed))
            {
                return Problems.Conflict("Najpierw potrzebne jest miejsce.", "A place comes first.",
                    "Sesje wybiera się, mając miejsce na konferencji.", "Sessions are chosen once you have a place at the conference.");
            }
            var ids = choice.SessionIds.Distinct().ToArray();
            var known = await session.ExecuteScalarAsync<int>(
                "SELECT count(*)::int FROM conference_sessions WHERE conference_id = @ConferenceId AND id = ANY (@ids)", new { registration.ConferenceId, ids });
            if (known != ids.Length)
            {
                return Problems.Field("sessionIds", "Program konferencji nie ma takiej sesji.", "The conference's agenda has no such session.");
            }
            // The old choice goes first, so a seat the participant already holds is theirs to keep.
            await session.ExecuteAsync("DELETE FROM conference_registration_sessions WHERE registration_id = @Id", new { registration.Id });
            if (await RegisterForConference.FullSessionsAsync(session, ids) is { Count: > 0 } full)
            {
                return Problems.FieldConflict("sessionIds", "Brak miejsc w sesji.", "No seats left in a session.",
                    $"Wszystkie miejsca zajęte: {string.Join("; ", full)}.", $"Every seat is taken: {string.Join("; ", full)}.");
            }
            await session.ExecuteAsync("INSERT INTO conference_registration_sessions (registration_id, session_id) SELECT @Id, unnest(@ids)",
                new { registration.Id, ids });
            var view = await ParticipantViews.ReadAsync(session, conference, registration, links);
            await session.CommitAsync();
            return TypedResults.Ok(view);
        });
}
