using System.Security.Cryptography;
using Cro.Advisory.Features.Engagements;

namespace Cro.Advisory.Features.Dialogue;

/// <summary>
/// POST /api/advisory/engagements/{id}/dialogue-meetings — the team or its advisor plans a dialogue meeting or an
/// education debate: topic, time, place, stakeholders invited by type, and for a debate optionally registration open
/// to anyone through a public link (with a capacity). PUT /api/advisory/dialogue-meetings/{id} changes a planned one.
/// </summary>
public static class PlanDialogueMeeting
{
    public sealed record DialogueMeetingRequest(string Kind, string Topic, DateTimeOffset StartsAt, string Place, IReadOnlyDictionary<string, int>? Invited,
        bool OpenRegistration, int? Capacity);

    public sealed class Validator : AbstractValidator<DialogueMeetingRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).Must(k => DialogueKind.All.Contains(k))
                .WithMessage(_ => Text.Pick("Rodzaj to dialogue (spotkanie dialogowe) albo debate (debata oświatowa).",
                    "The kind is dialogue (a dialogue meeting) or debate (an education debate)."));
            RuleFor(r => r.Topic).RequiredText(300)
                .WithMessage(_ => Text.Pick("Podaj temat (do 300 znaków).", "Give the topic (up to 300 characters)."));
            RuleFor(r => r.Place).RequiredText(300)
                .WithMessage(_ => Text.Pick("Podaj miejsce (do 300 znaków).", "Give the place (up to 300 characters)."));
            RuleFor(r => r.Invited).ValidCounts();
            RuleFor(r => r.OpenRegistration).Must((r, open) => !open || r.Kind == DialogueKind.Debate)
                .WithMessage(_ => Text.Pick("Otwartą rejestrację ma tylko debata oświatowa.", "Only an education debate has open registration."));
            RuleFor(r => r.Capacity).NotNull().InclusiveBetween(1, 5000).When(r => r.OpenRegistration)
                .WithMessage(_ => Text.Pick("Podaj liczbę miejsc (od 1 do 5000).", "Give the number of places (1 to 5000)."));
        }
    }

    public static IEndpointRouteBuilder MapPlanDialogueMeeting(this IEndpointRouteBuilder api)
    {
        api.MapPost("/engagements/{id:guid}/dialogue-meetings", PlanAsync)
            .WithName("PlanDialogueMeeting").WithSummary("Zaplanuj spotkanie dialogowe albo debatę oświatową / Plan a dialogue meeting or an education debate")
            .Validate<DialogueMeetingRequest>().Produces<DialogueMeetingView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisoryParty);
        api.MapPut("/dialogue-meetings/{id:guid}", ChangeAsync)
            .WithName("ChangeDialogueMeeting").WithSummary("Zmień zaplanowane spotkanie dialogowe / Change a planned dialogue meeting")
            .Validate<DialogueMeetingRequest>().Produces<DialogueMeetingView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.AdvisoryParty);
        return api;
    }

    private static async Task<IResult> PlanAsync(Guid id, DialogueMeetingRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await session.QuerySingleOrDefaultAsync<EngagementRow>(EngagementRow.Select + " WHERE e.id = @id", new { id }) is not { } engagement)
        {
            return HandOver.NotFound();
        }
        if (engagement.EndedAt is not null)
        {
            return Problems.Conflict("Doradztwo zakończone.", "The advisory has ended.",
                "Spotkania dialogowe planuje się w trakcie doradztwa.", "Dialogue meetings are planned during the advisory.");
        }
        var meetingId = Guid.CreateVersion7();
        await session.ExecuteAsync($"""
            INSERT INTO dialogue_meetings (id, engagement_id, jst_terc, kind, topic, starts_at, place, invited, status, registration_token, capacity,
                                           created_by, created_at)
            VALUES (@meetingId, @id, @JstTerc, @Kind, @topic, @startsAt, @place, @invited::jsonb, '{DialogueStatus.Planned}', @token, @capacity, @by, @now)
            """, new
        {
            meetingId, id, engagement.JstTerc, request.Kind, topic = request.Topic.Trim(), startsAt = request.StartsAt.ToUniversalTime(),
            place = request.Place.Trim(), invited = Stakeholders.ToJson(request.Invited), token = request.OpenRegistration ? NewToken() : null,
            capacity = request.OpenRegistration ? request.Capacity : null, by = context.User.PersonId(), now = time.GetUtcNow().ToUniversalTime(),
        });
        var view = await DialogueStore.ViewAsync(session, (await DialogueStore.FindAsync(session, meetingId))!);
        await session.CommitAsync();
        return TypedResults.Created($"/api/advisory/dialogue-meetings/{meetingId}", view);
    }

    private static async Task<IResult> ChangeAsync(Guid id, DialogueMeetingRequest request, DataSession session)
    {
        if (await DialogueStore.FindAsync(session, id, forUpdate: true) is not { } meeting)
        {
            return DialogueStore.NotFound();
        }
        if (meeting.Status != DialogueStatus.Planned)
        {
            return Problems.Conflict("Tego spotkania nie można już zmienić.", "This meeting can no longer be changed.",
                "Zmienia się tylko spotkanie zaplanowane (nie odbyte ani odwołane).", "Only a planned meeting (not held or cancelled) is changed.");
        }
        if (request.OpenRegistration && request.Capacity < meeting.Registered)
        {
            return Problems.Field("capacity", $"Zarejestrowało się już {meeting.Registered} osób; miejsc nie może być mniej.",
                $"{meeting.Registered} people have registered already; there cannot be fewer places.");
        }
        // The public link stays the same while registration stays open, so links already shared keep working.
        await session.ExecuteAsync("""
            UPDATE dialogue_meetings SET kind = @Kind, topic = @topic, starts_at = @startsAt, place = @place, invited = @invited::jsonb,
                registration_token = CASE WHEN @open THEN coalesce(registration_token, @token) END, capacity = CASE WHEN @open THEN @capacity END
            WHERE id = @id
            """, new
        {
            id, request.Kind, topic = request.Topic.Trim(), startsAt = request.StartsAt.ToUniversalTime(), place = request.Place.Trim(),
            invited = Stakeholders.ToJson(request.Invited), open = request.OpenRegistration, token = NewToken(), capacity = request.Capacity,
        });
        var view = await DialogueStore.ViewAsync(session, (await DialogueStore.FindAsync(session, id))!);
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }

    /// <summary>The secret part of a public registration link: 128 random bits, URL-safe.</summary>
    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
