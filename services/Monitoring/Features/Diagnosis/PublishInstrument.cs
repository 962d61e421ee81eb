namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// PUT /api/monitoring/diagnosis-instrument — ORE publishes a new version of the instrument. The request names the version
/// it was edited from: when another was published meanwhile, the answer is 409 and nothing is saved. Diagnoses already
/// started keep the version they follow; the ones started from now on follow the new one.
/// </summary>
public static class PublishInstrument
{
    [OpenApiSchemaName("PublishDiagnosisInstrumentRequest")]
    public sealed record PublishRequest(int BasedOnVersion, [property: FieldLabel("Narzędzie", "Instrument")] InstrumentDefinition Instrument,
        string? ChangeNote);

    public sealed class Validator : AbstractValidator<PublishRequest>
    {
        public Validator()
        {
            RuleFor(r => r.BasedOnVersion).GreaterThan(0)
                .WithMessage(_ => Text.Pick("Podaj wersję, od której zaczęto zmiany (basedOnVersion).", "Give the version the changes start from (basedOnVersion)."));
            RuleFor(r => r.Instrument).NotNull()
                .WithMessage(_ => Text.Pick("Podaj narzędzie.", "Give the instrument."))
                .SetValidator(new InstrumentDefinitionValidator());
            RuleFor(r => r.ChangeNote).MaximumLength(1000)
                .WithMessage(_ => Text.Pick("Opis zmiany może mieć do 1000 znaków.", "The change note may have up to 1000 characters."));
        }
    }

    public static RouteHandlerBuilder MapPublishInstrument(this IEndpointRouteBuilder api) => api
        .MapPut("/diagnosis-instrument", HandleAsync)
        .WithName("PublishDiagnosisInstrument").WithSummary("Opublikuj nową wersję narzędzia diagnozy / Publish a new version of the diagnosis instrument")
        .Validate<PublishRequest>().Produces<InstrumentView>().ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(PublishRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        var version = request.BasedOnVersion + 1;
        if (await InstrumentStore.CurrentVersionAsync(session) != request.BasedOnVersion
            || !await InstrumentStore.TryInsertAsync(session, version, request.Instrument, request.ChangeNote?.Trim(), context.User.PersonId(), time.GetUtcNow()))
        {
            return Problems.Conflict("Narzędzie zmieniło się w międzyczasie.", "The instrument changed meanwhile.",
                $"Zmiany zaczęto od wersji {request.BasedOnVersion}, a aktualna jest inna. Wczytaj aktualną wersję i wprowadź zmiany ponownie.",
                $"The changes start from version {request.BasedOnVersion}, and another is current. Load the current version and make the changes again.");
        }
        var instrument = (await InstrumentStore.ReadAsync(session, version))!;
        await session.CommitAsync();
        return TypedResults.Ok(instrument.View);
    }
}
