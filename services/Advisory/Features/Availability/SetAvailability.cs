using Cro.Advisory.Features.Access;
using Cro.Advisory.Features.Advisors;

namespace Cro.Advisory.Features.Availability;

/// <summary>
/// GET/PUT /api/advisory/advisors/me/availability — an advisor reads and replaces their week (rules in Warsaw time),
/// buffers, notice, horizon, meeting length, link and address; ORE may do it for an advisor with …/advisors/{id}/….
/// Meetings already booked stay as they are; the new week governs what is offered and booked from then on.
/// </summary>
public static class SetAvailability
{
    public sealed record AvailabilityRequest(IReadOnlyList<AvailabilityRule> Rules, int BufferBeforeMinutes, int BufferAfterMinutes, int MinNoticeHours,
        int HorizonDays, int MeetingMinutes, string? OnlineLink, string? Address);

    public sealed record AvailabilityResponse(Guid AdvisorId, WeeklyAvailability Week, IReadOnlyList<AvailabilityException> Exceptions);

    public sealed class Validator : AbstractValidator<AvailabilityRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Rules).NotNull().Must(r => r is null || r.Count <= 50)
                .WithMessage(_ => Text.Pick("Tydzień ma najwyżej 50 przedziałów.", "A week has at most 50 stretches."));
            RuleForEach(r => r.Rules).Must(r => r.Weekday is >= 1 and <= 7 && r.StartsAt < r.EndsAt && MeetingMode.All.Contains(r.Mode))
                .WithMessage(_ => Text.Pick("Przedział to dzień tygodnia 1–7, początek przed końcem i forma online albo onsite.",
                    "A stretch is a weekday 1–7, a start before its end, and the form online or onsite."));
            RuleFor(r => r.Rules).Must(NotOverlap)
                .WithMessage(_ => Text.Pick("Przedziały jednego dnia nie mogą na siebie zachodzić.", "Stretches of one day must not overlap."));
            RuleFor(r => r.BufferBeforeMinutes).InclusiveBetween(0, 240);
            RuleFor(r => r.BufferAfterMinutes).InclusiveBetween(0, 240);
            RuleFor(r => r.MinNoticeHours).InclusiveBetween(0, 720);
            RuleFor(r => r.HorizonDays).InclusiveBetween(1, 365);
            RuleFor(r => r.MeetingMinutes).InclusiveBetween(15, 480);
            RuleFor(r => r.OnlineLink).Must(l => l is null || (Uri.TryCreate(l, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                .WithMessage(_ => Text.Pick("Link do spotkań online to adres http(s).", "The online meeting link is an http(s) address."));
            RuleFor(r => r.OnlineLink).NotEmpty().When(r => r.Rules?.Any(x => x.Mode == MeetingMode.Online) == true)
                .WithMessage(_ => Text.Pick("Podaj link do spotkań online.", "Give the link for online meetings."));
            RuleFor(r => r.Address).NotEmpty().When(r => r.Rules?.Any(x => x.Mode == MeetingMode.Onsite) == true)
                .WithMessage(_ => Text.Pick("Podaj adres spotkań stacjonarnych.", "Give the address of on-site meetings."));
        }

        private static bool NotOverlap(IReadOnlyList<AvailabilityRule>? rules) => rules is null || rules.GroupBy(r => r.Weekday)
            .All(day => day.OrderBy(r => r.StartsAt).Zip(day.OrderBy(r => r.StartsAt).Skip(1)).All(p => p.First.EndsAt <= p.Second.StartsAt));
    }

    public static IEndpointRouteBuilder MapSetAvailability(this IEndpointRouteBuilder api)
    {
        api.MapGet("/advisors/me/availability", (HttpContext context, DataSession session, TimeProvider time) => GetAsync(context, session, time, null))
            .WithName("MyAvailability").WithSummary("Moja dostępność / My availability")
            .Produces<AvailabilityResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapGet("/advisors/{advisorId:guid}/availability", (Guid advisorId, HttpContext context, DataSession session, TimeProvider time) =>
                GetAsync(context, session, time, advisorId))
            .WithName("AdvisorAvailability").WithSummary("Dostępność doradcy / An advisor's availability")
            .Produces<AvailabilityResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapPut("/advisors/me/availability", (AvailabilityRequest request, HttpContext context, DataSession session, TimeProvider time) =>
                SetAsync(request, context, session, time, null))
            .WithName("SetMyAvailability").WithSummary("Ustaw moją dostępność / Set my availability")
            .Validate<AvailabilityRequest>().Produces<AvailabilityResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        api.MapPut("/advisors/{advisorId:guid}/availability", (Guid advisorId, AvailabilityRequest request, HttpContext context, DataSession session,
                TimeProvider time) => SetAsync(request, context, session, time, advisorId))
            .WithName("SetAdvisorAvailability").WithSummary("Ustaw dostępność doradcy / Set an advisor's availability")
            .Validate<AvailabilityRequest>().Produces<AvailabilityResponse>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.AdvisorOrOperator);
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext context, DataSession session, TimeProvider time, Guid? advisorId)
    {
        var (id, refusal) = await AdvisorLookup.ResolveAsync(session, Caller.From(context.User), advisorId);
        return id is { } found ? TypedResults.Ok(await ResponseAsync(session, found, time.GetUtcNow())) : refusal!;
    }

    private static async Task<IResult> SetAsync(AvailabilityRequest request, HttpContext context, DataSession session, TimeProvider time,
        Guid? advisorId)
    {
        var (id, refusal) = await AdvisorLookup.ResolveAsync(session, Caller.From(context.User), advisorId);
        if (id is not { } advisor)
        {
            return refusal!;
        }
        await session.ExecuteAsync("""
            UPDATE advisors SET buffer_before_min = @BufferBeforeMinutes, buffer_after_min = @BufferAfterMinutes, min_notice_hours = @MinNoticeHours,
                horizon_days = @HorizonDays, meeting_minutes = @MeetingMinutes, online_link = @OnlineLink, address = @Address
            WHERE id = @advisor;
            DELETE FROM availability_rules WHERE advisor_id = @advisor;
            INSERT INTO availability_rules (id, advisor_id, weekday, starts_at, ends_at, mode)
            SELECT gen_random_uuid(), @advisor, r.weekday, r.starts_at, r.ends_at, r.mode
            FROM unnest(@weekdays, @starts, @ends, @modes) AS r (weekday, starts_at, ends_at, mode);
            """, new
        {
            advisor, request.BufferBeforeMinutes, request.BufferAfterMinutes, request.MinNoticeHours, request.HorizonDays, request.MeetingMinutes,
            OnlineLink = request.OnlineLink?.Trim(), Address = request.Address?.Trim(),
            weekdays = request.Rules.Select(r => r.Weekday).ToArray(), starts = request.Rules.Select(r => r.StartsAt.ToTimeSpan()).ToArray(),
            ends = request.Rules.Select(r => r.EndsAt.ToTimeSpan()).ToArray(), modes = request.Rules.Select(r => r.Mode).ToArray(),
        });
        var response = await ResponseAsync(session, advisor, time.GetUtcNow());
        await session.CommitAsync();
        return TypedResults.Ok(response);
    }

    /// <summary>The week, and the exceptions not yet over (within the longest horizon an advisor may set).</summary>
    internal static async Task<AvailabilityResponse> ResponseAsync(DataSession session, Guid advisorId, DateTimeOffset now) => new(advisorId,
        await AvailabilityStore.WeekAsync(session, advisorId),
        await AvailabilityStore.ExceptionsAsync(session, advisorId, now, now.AddDays(366)));
}
