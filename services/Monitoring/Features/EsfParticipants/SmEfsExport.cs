using Cro.BuildingBlocks.Exports;
using Cro.Monitoring.Features.Schools;

namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>
/// The SM EFS (CST2021) report, for ORE's ESF+ data staff only (policy EsfData): GET /api/monitoring/sm-efs/validation — each
/// participant who started support and each JST supported, ok or the rules its row breaks, column by column (the rules of
/// <see cref="SmEfsLayouts"/>); GET …/sm-efs/participants.{csv|xlsx} and …/sm-efs/institutions.{csv|xlsx} — the import files,
/// with the valid rows only, or, with strict=true, 409 and the report when any row is not valid; PUT …/sm-efs/institutions/{terc}
/// — what SM EFS needs of a JST that the registry lacks (NIP, address).
/// </summary>
public static class SmEfsExport
{
    [OpenApiSchemaName("SmEfsParticipantCheck")]
    public sealed record ParticipantCheck(Guid MemberId, string FullName, string JstTerc, bool Ok, IReadOnlyList<SmEfsViolation> Violations);

    [OpenApiSchemaName("SmEfsInstitutionCheck")]
    public sealed record InstitutionCheck(string Terc, string? Name, bool Ok, IReadOnlyList<SmEfsViolation> Violations);

    [OpenApiSchemaName("SmEfsValidation")]
    public sealed record ValidationReport(int ParticipantsValid, int ParticipantsInvalid, int InstitutionsValid, int InstitutionsInvalid,
        IReadOnlyList<ParticipantCheck> Participants, IReadOnlyList<InstitutionCheck> Institutions,
        IReadOnlyList<SmEfsColumn> ParticipantColumns, IReadOnlyList<SmEfsColumn> InstitutionColumns);

    [OpenApiSchemaName("SmEfsInstitutionDetails")]
    public sealed record InstitutionDetails(
        [property: FieldLabel("NIP", "Tax number (NIP)")] string Nip,
        [property: FieldLabel("Miejscowość", "Town")] string Town,
        [property: FieldLabel("Ulica", "Street")] string? Street,
        [property: FieldLabel("Numer budynku", "Building number")] string BuildingNumber,
        [property: FieldLabel("Kod pocztowy", "Postcode")] string Postcode)
    {
        public sealed class Validator : AbstractValidator<InstitutionDetails>
        {
            public Validator()
            {
                RuleFor(d => d.Nip).Must(IsNip)
                    .WithMessage(_ => Text.Pick("Podaj poprawny NIP: 10 cyfr, bez kresek.", "Give a valid NIP: 10 digits, no dashes."));
                RuleFor(d => d.Town).RequiredText(100)
                    .WithMessage(_ => Text.Pick("Podaj miejscowość (do 100 znaków).", "Give the town (up to 100 characters)."));
                RuleFor(d => d.Street).MaximumLength(150)
                    .WithMessage(_ => Text.Pick("Ulica może mieć najwyżej 150 znaków.", "The street may have at most 150 characters."));
                RuleFor(d => d.BuildingNumber).RequiredText(20)
                    .WithMessage(_ => Text.Pick("Podaj numer budynku (do 20 znaków).", "Give the building number (up to 20 characters)."));
                RuleFor(d => d.Postcode).Matches("^[0-9]{2}-[0-9]{3}$")
                    .WithMessage(_ => Text.Pick("Kod pocztowy ma postać 00-000.", "A postcode has the form 00-000."));
            }
        }

        private static readonly int[] NipWeights = [6, 5, 7, 2, 3, 4, 5, 6, 7];

        public static bool IsNip(string? nip) => nip is { Length: 10 } && nip.All(char.IsAsciiDigit)
            && NipWeights.Select((w, i) => w * (nip[i] - '0')).Sum() % 11 == nip[9] - '0';
    }

    public static IEndpointRouteBuilder MapSmEfsExport(this IEndpointRouteBuilder api)
    {
        api.MapGet("/sm-efs/validation", ValidateAsync)
            .WithName("ValidateSmEfs").WithSummary("Sprawdzenie danych przed eksportem do SM EFS / Checking the data before the SM EFS export")
            .Produces<ValidationReport>().RequireAuthorization(Policies.EsfData);
        api.MapGet("/sm-efs/participants.{format}", ParticipantsAsync)
            .WithName("ExportSmEfsParticipants").WithSummary("Uczestnicy do SM EFS (CSV, XLSX) / Participants for SM EFS (CSV, XLSX)")
            .ProducesTable().ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.EsfData);
        api.MapGet("/sm-efs/institutions.{format}", InstitutionsAsync)
            .WithName("ExportSmEfsInstitutions").WithSummary("Instytucje do SM EFS (CSV, XLSX) / Institutions for SM EFS (CSV, XLSX)")
            .ProducesTable().ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.EsfData);
        api.MapPut("/sm-efs/institutions/{terc}", SetInstitutionAsync)
            .WithName("SetSmEfsInstitution").WithSummary("NIP i adres JST do SM EFS / A JST's NIP and address for SM EFS")
            .Validate<InstitutionDetails>().Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.EsfData);
        return api;
    }

    private sealed record Data(IReadOnlyList<SmEfsParticipant> Participants, IReadOnlyList<SmEfsInstitution> Institutions);

    private sealed record InstitutionRow(string JstTerc, string Nip, string Town, string? Street, string BuildingNumber, string Postcode);

    /// <summary>Everyone who started support, with their answers, and the JST they came from.</summary>
    private static async Task<Data> ReadAsync(DataSession session)
    {
        // The role reports every JST: the JST scope does not narrow it.
        await session.ChangeScopeAsync(JstScope.All);
        var rows = (await ParticipantRow.ListAsync(session)).Where(r => r.Started).ToList();
        var special = await SpecialCategoryAnswers.LatestAsync(session);
        var names = (await session.QueryAsync<(string Terc, string Name)>("SELECT terc, name FROM jst")).ToDictionary(j => j.Terc, j => j.Name);
        var details = (await session.QueryAsync<InstitutionRow>(
            "SELECT jst_terc, nip, town, street, building_number, postcode FROM esf_institutions")).ToDictionary(i => i.JstTerc);
        SmEfsPlace PlaceOf(string terc)
        {
            var commune = terc.Length == 7 ? names.GetValueOrDefault(terc) : null;
            // A city with powiat rights has no powiat of its own in the registry: it is its own powiat.
            var county = terc.Length >= 4 ? names.GetValueOrDefault(terc[..4]) ?? commune : null;
            return new(names.GetValueOrDefault(terc[..2]), county, commune);
        }
        var participants = rows.Select(r => new SmEfsParticipant(r, PlaceOf(r.JstTerc), special.GetValueOrDefault(r.MemberId))).ToList();
        var institutions = rows.GroupBy(r => r.JstTerc).Select(g =>
        {
            var d = details.GetValueOrDefault(g.Key);
            var forms = g.Select(r => r.SupportForm).Distinct().ToList();
            return new SmEfsInstitution(g.Key, g.First().JstName, PlaceOf(g.Key), d?.Nip, d?.Town, d?.Street, d?.BuildingNumber, d?.Postcode,
                g.Min(r => r.SupportStart), g.All(r => r.SupportEndOn is not null) ? g.Max(r => r.SupportEndOn) : null,
                forms.Count == 1 ? forms[0] : "training-and-advisory");
        }).OrderBy(i => i.Terc, StringComparer.Ordinal).ToList();
        return new(participants, institutions);
    }

    private static ValidationReport Report(Data data)
    {
        var participants = data.Participants.Select(p => (p, v: SmEfsLayouts.Participants.Violations(p)))
            .Select(x => new ParticipantCheck(x.p.Row.MemberId, x.p.Row.FullName, x.p.Row.JstTerc, x.v.Count == 0, x.v)).ToList();
        var institutions = data.Institutions.Select(i => (i, v: SmEfsLayouts.Institutions.Violations(i)))
            .Select(x => new InstitutionCheck(x.i.Terc, x.i.Name, x.v.Count == 0, x.v)).ToList();
        return new(participants.Count(p => p.Ok), participants.Count(p => !p.Ok), institutions.Count(i => i.Ok), institutions.Count(i => !i.Ok),
            participants, institutions, SmEfsLayouts.Participants.Columns, SmEfsLayouts.Institutions.Columns);
    }

    private static async Task<IResult> ValidateAsync([RepeatableRead] DataSession session) => TypedResults.Ok(Report(await ReadAsync(session)));

    private static Task<IResult> ParticipantsAsync(string format, HttpContext context, [RepeatableRead] DataSession session, ILoggerFactory logs,
        TimeProvider time, bool strict = false) =>
        ExportAsync(format, strict, context, session, logs, time, "sm-efs-uczestnicy", SmEfsLayouts.Participants, d => d.Participants,
            r => r.ParticipantsInvalid);

    private static Task<IResult> InstitutionsAsync(string format, HttpContext context, [RepeatableRead] DataSession session, ILoggerFactory logs,
        TimeProvider time, bool strict = false) =>
        ExportAsync(format, strict, context, session, logs, time, "sm-efs-instytucje", SmEfsLayouts.Institutions, d => d.Institutions,
            r => r.InstitutionsInvalid);

    private static async Task<IResult> ExportAsync<TRow>(string format, bool strict, HttpContext context, DataSession session, ILoggerFactory logs,
        TimeProvider time, string fileName, SmEfsLayout<TRow> layout, Func<Data, IReadOnlyList<TRow>> rowsOf, Func<ValidationReport, int> invalidOf)
    {
        if (TableExport.FormatRefusal(format) is { } refusal)
        {
            return refusal;
        }
        var data = await ReadAsync(session);
        if (strict && Report(data) is var report && invalidOf(report) > 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Text.Pick("Nie wszystkie wiersze przechodzą sprawdzenie.", "Not every row passes the check."),
                detail: Text.Pick($"Wierszy z błędami: {invalidOf(report)}. Popraw je albo eksportuj bez trybu ścisłego (tylko poprawne wiersze).",
                    $"Rows with errors: {invalidOf(report)}. Correct them, or export without strict mode (valid rows only)."),
                extensions: new Dictionary<string, object?> { ["validation"] = report });
        }
        var rows = rowsOf(data).Where(r => layout.Violations(r).Count == 0).Select(layout.Cells).ToList();
        // Special-category data leave the service here: who took them, and how many rows, is kept in the log.
        logs.CreateLogger(typeof(SmEfsExport)).LogInformation("SM EFS export {File} ({Rows} rows) by {User}", fileName, rows.Count, context.User.PersonId());
        var today = WarsawTime.InWarsaw(time.GetUtcNow());
        return await TableExport.WriteAsync(context.Response, format, $"{fileName}-{today:yyyyMMdd}", layout.Headers, rows, session.Cancellation);
    }

    private static async Task<IResult> SetInstitutionAsync(string terc, InstitutionDetails details, HttpContext context, DataSession session, TimeProvider time)
    {
        if (!JstRegister.Contains(terc))
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiej JST w rejestrze.", "There is no such JST in the registry.");
        }
        await session.ChangeScopeAsync(JstScope.Of([terc]));
        await session.ExecuteAsync("""
            INSERT INTO esf_institutions (jst_terc, nip, town, street, building_number, postcode, updated_at, updated_by)
            VALUES (@terc, @Nip, @town, @street, @building, @Postcode, @now, @by)
            ON CONFLICT (jst_terc) DO UPDATE SET nip = excluded.nip, town = excluded.town, street = excluded.street,
                building_number = excluded.building_number, postcode = excluded.postcode, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, new
        {
            terc, details.Nip, town = details.Town.Trim(), street = string.IsNullOrWhiteSpace(details.Street) ? null : details.Street.Trim(),
            building = details.BuildingNumber.Trim(), details.Postcode, now = time.GetUtcNow().ToUniversalTime(), by = context.User.PersonId(),
        });
        await session.CommitAsync();
        return TypedResults.NoContent();
    }
}
