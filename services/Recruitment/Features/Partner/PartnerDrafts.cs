using Cro.Recruitment.Features.Applications;

namespace Cro.Recruitment.Features.Partner;

/// <summary>
/// The partner association prepares applications for its member JST (scope recruitment.write):
/// POST /api/recruitment/rounds/{roundId}/partner-drafts starts a draft whose link goes only to the
/// JST's coordinator, who checks it and submits it; until then it does not count. A client limited to a set of JST (its
/// partner's members, client_jst claims) drafts only for them: another JST is a 403 and nothing is written. GET
/// /api/recruitment/partner-drafts/{id} tells the partner where its draft stands, nothing more.
/// </summary>
public static class PartnerDrafts
{
    [OpenApiSchemaName("ProposedApplication")]
    public sealed record Proposed(Guid Id, string JstTerc, string Status, DateTimeOffset? SubmittedAt);

    public static IEndpointRouteBuilder MapPartnerDrafts(this IEndpointRouteBuilder api)
    {
        api.MapPost("/rounds/{roundId:guid}/partner-drafts", ProposeAsync)
            .WithName("ProposeApplication")
            .WithSummary("Szkic wniosku w imieniu JST (potwierdza koordynator) / A draft on a JST's behalf (its coordinator confirms)")
            .Validate<ApplicationForm>()
            .WithDescription("Ponowienie dla tej samej JST i naboru zwraca istniejący szkic tego klienta (200) i nie wysyła drugiej wiadomości. / " +
                "A repeat for the same JST and round returns this client's existing draft (200) and mails nothing new. " +
                "Klient ograniczony do JST członków dostaje 403 dla innej JST. / A client limited to its members' JST gets 403 for another JST.")
            .Produces<Proposed>(StatusCodes.Status201Created)
            .Produces<Proposed>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithRequestExample(PartnerExamples.Draft)
            .WithResponseExample(StatusCodes.Status201Created, PartnerExamples.Proposed)
            .WithIdempotencyKey()
            .RequireAuthorization(Policies.PartnerOrOperator(Scopes.RecruitmentWrite));
        api.MapGet("/partner-drafts/{id:guid}", StatusAsync)
            .WithName("ProposedApplicationStatus")
            .WithSummary("Stan szkicu przygotowanego przez partnera / Where a partner's draft stands")
            .Produces<Proposed>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.PartnerOrOperator(Scopes.RecruitmentWrite));
        return api;
    }

    private static async Task<IResult> ProposeAsync(Guid roundId, ApplicationForm form, HttpContext context, NpgsqlDataSource db,
        TimeProvider time, IConfiguration configuration, CancellationToken ct)
    {
        // A client limited to its partner's members drafts for none other; refused before anything is read or written.
        if (!context.User.ClientMayActFor(form.JstTerc))
        {
            return ProblemDetailsDefaults.OutsideClientJst(form.JstTerc);
        }
        var (started, repeated, refusal) = await StartApplication.StartDraftAsync(roundId, form, Proposer(context), context, db, time, configuration, ct);
        if (started is null)
        {
            return refusal!;
        }
        var proposed = new Proposed(started.Application.Id, form.JstTerc, started.Application.Status, null);
        // A repeat names the draft already there (200) rather than a new one (201); its form is left as the first call made it.
        return repeated ? TypedResults.Ok(proposed) : TypedResults.Created($"/api/recruitment/partner-drafts/{proposed.Id}", proposed);
    }

    private static async Task<IResult> StatusAsync(Guid id, HttpContext context, NpgsqlDataSource db, CancellationToken ct)
    {
        // A partner sees its own proposals across JST (a limited client: across its JST), and of them only the status.
        await using var session = await DataSession.OpenAsync(db, JstScope.All, ct);
        var proposed = await session.QuerySingleOrDefaultAsync<Proposed>(
            """
            SELECT id, jst_terc, status, submitted_at FROM applications
            WHERE id = @id AND proposed_by = @proposer AND (@limit::text[] IS NULL OR jst_terc = ANY (@limit))
            """, new { id, proposer = Proposer(context), limit = context.User.ClientJstLimit()?.ToArray() });
        return proposed is null
            ? ProblemDetailsDefaults.NotFound("Nie ma takiego szkicu przygotowanego przez tego klienta.", "There is no such draft prepared by this client.")
            : TypedResults.Ok(proposed);
    }

    /// <summary>The proposing client's id (an operator acting for a partner is recorded by their person id).</summary>
    private static string Proposer(HttpContext context) => context.User.FindFirst(CroClaims.Subject)?.Value ?? "unknown";
}
