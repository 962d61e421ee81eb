using Cro.Publishing.Features.Practices;
using Microsoft.Extensions.Options;

namespace Cro.Publishing.Features.Partner;

/// <summary>
/// The partner association writes good practices on behalf of its member JST (scope practices.write), as a JST's team does,
/// under /api/publishing/partner: POST …/jst/{terc}/practices starts a draft for the JST (its authors named by name and
/// address, or as the JST's team members), PUT …/practices/{id}?revision=N saves it, …/files adds and removes files,
/// …/submit submits it to review, and GET …/practices (and /{id}) follows what became of the client's own practices, with
/// the reviewers' comments when changes are asked for. A client sees and changes only the practices it wrote (another's
/// are 404). A client limited to a set of JST (its partner's members, client_jst claims) starts practices for them only
/// (another JST: 403 naming it) and no longer sees those of a JST taken off its limit. Published practices are read, by
/// anyone, from the catalogue (/api/publishing/catalogue/practices).
/// </summary>
public static class PartnerPractices
{
    public static IEndpointRouteBuilder MapPartnerPractices(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/publishing/partner").WithTags("Dobre praktyki od partnera / Good practices from the partner")
            .RequireAuthorization(Policies.PartnerOrOperator(Scopes.PracticesWrite));
        var limits = app.ServiceProvider.GetRequiredService<IOptions<PracticeFileOptions>>().Value;

        api.MapPost("/jst/{terc}/practices", StartAsync)
            .WithName("StartPartnerPractice").WithSummary("Rozpocznij dobrą praktykę w imieniu JST / Start a good practice on a JST's behalf")
            .Validate<PracticeTemplate>().Produces<PracticeView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Klient ograniczony do JST członków dostaje 403 dla innej JST. / A client limited to its members' JST gets 403 for another JST.")
            .WithIdempotencyKey();
        api.MapGet("/practices", ([RepeatableRead] DataSession session, HttpContext context, string? status, string? cursor, int? limit) =>
                ListAsync(session, PracticeWriter.Partner(context.User), status, cursor, limit))
            .WithName("ListPartnerPractices").WithSummary("Dobre praktyki tego klienta / This client's good practices")
            .Produces<ListPractices.Page>().ProducesValidationProblem();
        api.MapGet("/practices/{id:guid}", GetAsync)
            .WithName("GetPartnerPractice").WithSummary("Dobra praktyka tego klienta i jej ocena / This client's good practice and its review")
            .Produces<PracticeView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/practices/{id:guid}", (Guid id, int revision, PracticeTemplate template, HttpContext context, DataSession session, TimeProvider time) =>
                SavePractice.SaveAsync(session, PracticeWriter.Partner(context.User), id, revision, template, time.GetUtcNow()))
            .WithName("SavePartnerPractice").WithSummary("Zapisz dobrą praktykę w imieniu JST / Save a good practice on a JST's behalf")
            .Validate<PracticeTemplate>().Produces<PracticeView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithIdempotencyKey();
        api.MapPost("/practices/{id:guid}/files", (Guid id, HttpContext context, DataSession session, IOptions<PracticeFileOptions> options, TimeProvider time) =>
                PracticeFiles.AddAsync(context, session, PracticeWriter.Partner(context.User), id, options.Value, time.GetUtcNow()))
            .WithName("AddPartnerPracticeFile").WithSummary("Dołącz dokument wzorcowy albo zdjęcie / Attach a model document or a photo")
            .AcceptsFileUpload(Math.Max(limits.MaxAttachmentBytes, limits.MaxPhotoBytes), "kind", "altText", "description")
            .Produces<PracticeFileView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();
        api.MapDelete("/practices/{id:guid}/files/{fileId:guid}", (Guid id, Guid fileId, HttpContext context, DataSession session, TimeProvider time) =>
                PracticeFiles.RemoveAsync(session, PracticeWriter.Partner(context.User), id, fileId, time.GetUtcNow()))
            .WithName("RemovePartnerPracticeFile").WithSummary("Usuń plik z opisu praktyki / Take a file off the practice")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();
        api.MapPost("/practices/{id:guid}/submit", (Guid id, HttpContext context, DataSession session, PracticeNotices notices, TimeProvider time) =>
                SubmitPractice.SubmitAsync(session, PracticeWriter.Partner(context.User), id, notices, time.GetUtcNow()))
            .WithName("SubmitPartnerPractice").WithSummary("Prześlij dobrą praktykę do oceny / Submit the good practice to review")
            .Produces<PracticeView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithIdempotencyKey();
        return app;
    }

    private static async Task<IResult> StartAsync(string terc, PracticeTemplate template, HttpContext context, DataSession session, TimeProvider time)
    {
        var writer = PracticeWriter.Partner(context.User);
        if (!writer.MayWriteFor(terc))
        {
            return ProblemDetailsDefaults.OutsideClientJst(terc);
        }
        var (view, refusal) = await StartPractice.CreateAsync(session, writer, terc, template, proposalId: null, time.GetUtcNow());
        if (view is null)
        {
            return refusal!;
        }
        await session.CommitAsync();
        return TypedResults.Created($"/api/publishing/partner/practices/{view.Id}", view);
    }

    private static async Task<IResult> ListAsync(DataSession session, PracticeWriter writer, string? status, string? cursor, int? limit)
    {
        await writer.OpenAsync(session);
        return await ListPractices.ListAsync(session, writer.ClientId, status, jst: null, cursor, limit);
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext context, [RepeatableRead] DataSession session)
    {
        var writer = PracticeWriter.Partner(context.User);
        await writer.OpenAsync(session);
        return await session.QuerySingleOrDefaultAsync<PracticeRow>(PracticeRow.Select + " WHERE p.id = @id AND p.created_by_client = @client",
                new { id, client = writer.ClientId }) is { } row
            ? TypedResults.Ok(await PracticeView.OfAsync(session, row))
            : PracticeRow.NotFound();
    }
}
