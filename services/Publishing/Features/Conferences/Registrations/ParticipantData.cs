namespace Cro.Publishing.Features.Conferences.Registrations;

/// <summary>
/// For ORE answering a person who writes in (they have no account): GET /api/publishing/conference-participants?email=…
/// — every registration of the address at every conference, with all that is kept (RODO art. 15); POST
/// …/conference-participants/erasure — erases them (art. 17) as PersonErased does (<see cref="ParticipantErasure"/>).
/// </summary>
public static class ParticipantData
{
    [OpenApiSchemaName("ConferenceParticipantErasureRequest")]
    public sealed record ErasureRequest(string Email);

    /// <param name="Erased">Registrations erased (one taking part was cancelled first).</param>
    [OpenApiSchemaName("ConferenceParticipantErasure")]
    public sealed record ErasureResult(int Erased);

    public sealed class Validator : AbstractValidator<ErasureRequest>
    {
        public Validator() => RuleFor(r => r.Email).MailAddress();
    }

    public static IEndpointRouteBuilder MapParticipantData(this IEndpointRouteBuilder api)
    {
        api.MapGet("/conference-participants", ExportAsync)
            .WithName("ExportConferenceParticipant").WithSummary("Dane uczestnika konferencji po adresie e-mail / A conference participant's data by address")
            .Produces<IReadOnlyList<ParticipantView>>().ProducesValidationProblem()
            .RequireAuthorization(Policies.Operator);
        api.MapPost("/conference-participants/erasure", EraseAsync)
            .WithName("EraseConferenceParticipant").WithSummary("Usuń dane uczestnika konferencji / Erase a conference participant's data")
            .Validate<ErasureRequest>().Produces<ErasureResult>()
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, [RepeatableRead] DataSession session, ConferenceLinks links, string? email = null)
    {
        if (!MailAddressRule.IsDeliverable(email?.Trim()))
        {
            return Problems.Field("email", MailAddressRule.Message, MailAddressRule.Message);
        }
        context.Response.Headers.CacheControl = "private, no-store";
        var views = new List<ParticipantView>();
        foreach (var registration in await session.QueryAsync<RegistrationRow>(
                     RegistrationRow.Select + " WHERE lower(r.email) = lower(@email) ORDER BY r.registered_at", new { email = email!.Trim() }))
        {
            var conference = (await ConferenceRow.FindAsync(session, registration.ConferenceId, drafts: true))!;
            views.Add(await ParticipantViews.ReadAsync(session, conference, registration, links));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<IResult> EraseAsync(ErasureRequest request, DataSession session, ConferenceLinks links, TimeProvider time)
    {
        var erased = await ParticipantErasure.EraseByEmailAsync(session, request.Email, links, time.GetUtcNow());
        await session.CommitAsync();
        return TypedResults.Ok(new ErasureResult(erased));
    }
}
